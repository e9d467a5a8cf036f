using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Rest;
using Larkspur.Patient.Api.Fhir;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Patient.Api.Controllers;

[ApiController]
[Authorize]
[Route("fhir/r4/Observation")]
public sealed class ObservationsController : ControllerBase
{
    private readonly FhirClient _fhir;

    public ObservationsController(FhirClient fhir) => _fhir = fhir;

    [HttpGet]
    public async Task<IActionResult> Search([FromQuery] string patient, CancellationToken ct)
    {
        var scopes = User.FindFirst("scope")?.Value?.Split(' ') ?? System.Array.Empty<string>();
        if (!scopes.Any(s => s is "patient/Observation.rs" or "patient/Observation.read" or "patient/*.rs" or "patient/*.read"))
        {
            return Forbid();
        }

        // Patient-compartment check: a patient token may only read its own patient's data.
        var tokenPatient = User.FindFirst("patient")?.Value;
        if (tokenPatient is null || tokenPatient != patient)
        {
            return Forbid();
        }

        var bundle = await _fhir.SearchAsync<Hl7.Fhir.Model.Observation>(new SearchParams().Where($"patient={patient}"), ct);
        return new FhirJsonResult(bundle);
    }
}
