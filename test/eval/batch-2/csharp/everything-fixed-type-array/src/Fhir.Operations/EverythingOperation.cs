using Hl7.Fhir.Model;

namespace Fhir.Operations;

public class EverythingOperation
{
    private static readonly string[] EverythingTypes =
        { "Patient", "Encounter", "Condition", "MedicationRequest", "AllergyIntolerance" };

    private readonly ISearchService _search;

    public EverythingOperation(ISearchService search) => _search = search;

    public async Task<Bundle> ExecuteAsync(string patientId)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        foreach (var type in EverythingTypes)
        {
            foreach (var r in await _search.ByPatientAsync(type, patientId))
                bundle.Entry.Add(new Bundle.EntryComponent { Resource = r });
        }
        return bundle;
    }
}
