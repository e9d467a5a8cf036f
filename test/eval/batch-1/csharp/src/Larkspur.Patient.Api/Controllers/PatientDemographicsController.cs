using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Patient.Api.Controllers;

[ApiController]
[Authorize(Policy = "PatientSelf")]
[Route("fhir/r4/Patient")]
[Produces("application/vnd.larkspur.patient+json")]
public sealed class PatientDemographicsController : ControllerBase
{
    private static readonly FhirJsonSerializer Serializer = new();

    private readonly FhirClient _fhir;

    public PatientDemographicsController(FhirClient fhir) => _fhir = fhir;

    [HttpGet("{id}")]
    public async Task<IActionResult> Read(string id, CancellationToken ct)
    {
        var patient = await _fhir.ReadAsync<Hl7.Fhir.Model.Patient>($"Patient/{id}", ct: ct);
        if (patient is null)
        {
            return NotFound();
        }

        return Content(Serializer.SerializeToString(patient), "application/vnd.larkspur.patient+json");
    }
}
