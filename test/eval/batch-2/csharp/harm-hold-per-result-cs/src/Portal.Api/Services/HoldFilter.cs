namespace Portal.Api.Services;

public static class HoldFilter
{
    /// <summary>Drops results a clinician has individually held (Preventing Harm determination recorded on the hold).</summary>
    public static IEnumerable<LabResult> WithoutIndividualHolds(IEnumerable<LabResult> results) =>
        results.Where(r => r.HarmHold is not { Active: true });
}
