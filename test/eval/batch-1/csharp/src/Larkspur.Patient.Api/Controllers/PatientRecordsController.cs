using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Serialization;
using Larkspur.Patient.Api.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Larkspur.Patient.Api.Controllers;

[ApiController]
[Authorize(Policy = "PatientSelf")]
[Route("api/patients/{patientId}/record")]
[EnableRateLimiting("patient-records")]
public sealed class PatientRecordsController : ControllerBase
{
    private static readonly FhirJsonSerializer Serializer = new(new SerializerSettings { Pretty = false });

    private readonly IPatientRecordBundleService _records;

    public PatientRecordsController(IPatientRecordBundleService records) => _records = records;

    [HttpGet]
    public async Task<IActionResult> GetRecord(string patientId, CancellationToken ct)
    {
        var bundle = await _records.GetRecordAsync(patientId, ct);
        return Content(Serializer.SerializeToString(bundle), "application/fhir+json");
    }

    [HttpGet("summary")]
    public async Task<IActionResult> GetSummary(string patientId, CancellationToken ct)
    {
        var bundle = await _records.GetRecordAsync(patientId, ct);
        return Ok(new { patientId, entries = bundle.Entry.Count, generated = bundle.Timestamp });
    }
}
