using Hl7.Fhir.Model;

namespace Hie.Publisher;

public static class SensitiveTypes
{
    // ehi-exception: required-by-law
    //   reason: State law barred HIV test results from the HIE until the 2025 amendment took effect
    //   law: Example State Health Code 19-203 (repealed 2025-07-01)
    //   owner: compliance-office
    //   review-by: 2025-07-01
    public static readonly string[] WithheldLoincPanels = { "75622-1", "7917-8", "68961-2" };

    public static IEnumerable<Observation> ForHie(IEnumerable<Observation> observations) =>
        observations.Where(o => !o.Code.Coding.Any(c => WithheldLoincPanels.Contains(c.Code)));
}
