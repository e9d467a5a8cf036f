using Hl7.Fhir.Model;

namespace Hie.Publisher;

public class Part2Segmentation
{
    private readonly IConsentRegistry _consents;

    public Part2Segmentation(IConsentRegistry consents) => _consents = consents;

    // 42 CFR Part 2 records may go to the recipient only with the patient's written consent.
    public async Task<Bundle> ApplyAsync(Bundle bundle, string patientId, string recipient)
    {
        if (await _consents.HasPart2ConsentAsync(patientId, recipient)) return bundle;
        bundle.Entry.RemoveAll(e => e.Resource.Meta?.Security.Any(s => s.Code == "42CFRPart2") == true);
        return bundle;
    }
}
