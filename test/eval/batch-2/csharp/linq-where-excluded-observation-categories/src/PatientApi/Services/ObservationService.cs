using Hl7.Fhir.Model;

namespace PatientApi.Services;

public class ObservationService : IObservationService
{
    private static readonly string[] ExcludedCategories = { "social-history", "sdoh", "functional-status" };
    private readonly IFhirStore _store;

    public ObservationService(IFhirStore store) => _store = store;

    public async Task<IReadOnlyList<Observation>> ForPatientAsync(string patientId)
    {
        var all = await _store.SearchAsync<Observation>($"patient={patientId}");
        return all
            .Where(o => !o.Category.Any(c => c.Coding.Any(x => ExcludedCategories.Contains(x.Code))))
            .ToList();
    }
}
