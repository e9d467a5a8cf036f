using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Larkspur.Patient.Api.Fhir;
using Task = System.Threading.Tasks.Task;

namespace Larkspur.Patient.Api.Services;

public interface IPatientRecordBundleService
{
    Task<Bundle> GetRecordAsync(string patientId, CancellationToken ct);
}

/// <summary>
/// Builds the bundle behind GET /api/patients/{id}/record (the "my health record" download and app sync).
/// </summary>
public sealed class PatientRecordBundleService : IPatientRecordBundleService
{
    private readonly FhirClient _fhir;

    public PatientRecordBundleService(FhirClient fhir) => _fhir = fhir;

    public async Task<Bundle> GetRecordAsync(string patientId, CancellationToken ct)
    {
        var everything = await _fhir.OperationAsync(
            new Uri($"Patient/{patientId}/$everything", UriKind.Relative),
            "everything",
            useGet: true,
            ct: ct) as Bundle ?? new Bundle();

        var released = everything.Entry
            .Where(e => e.Resource is not null && PatientAccessResourceTypes.Released.Contains(e.Resource.TypeName))
            .ToList();

        return new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = released.Count,
            Timestamp = DateTimeOffset.UtcNow,
            Entry = released,
        };
    }
}
