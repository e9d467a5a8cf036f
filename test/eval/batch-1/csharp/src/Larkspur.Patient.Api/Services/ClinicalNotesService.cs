using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace Larkspur.Patient.Api.Services;

/// <summary>
/// Returns a patient's clinical notes (DocumentReference) for the portal and for patient apps.
/// </summary>
public sealed class ClinicalNotesService
{
    // Local code the behavioral health EHR module stamps on process notes kept separate from the chart.
    private const string NoteTypeSystem = "https://terminology.larkspurhealth.org/CodeSystem/note-type";
    private const string PsychotherapyProcessNote = "psychotherapy-process-note";

    private readonly FhirClient _fhir;

    public ClinicalNotesService(FhirClient fhir) => _fhir = fhir;

    public async Task<Bundle> GetNotesAsync(string patientId, CancellationToken ct)
    {
        var query = new SearchParams()
            .Where($"patient={patientId}")
            .Where("status=current")
            .OrderBy("date", SortOrder.Descending);

        var bundle = await _fhir.SearchAsync<DocumentReference>(query, ct) ?? new Bundle();

        // Psychotherapy notes (45 CFR 164.501) are kept apart from the medical record and are not EHI
        // (45 CFR 171.102); every other note type is returned.
        bundle.Entry.RemoveAll(e => e.Resource is DocumentReference doc
            && doc.Type?.Coding.Any(c => c.System == NoteTypeSystem && c.Code == PsychotherapyProcessNote) == true);

        bundle.Total = bundle.Entry.Count;
        return bundle;
    }
}
