using System.Threading;
using System.Threading.Tasks;
using Larkspur.Bulk.Api.Everything;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Bulk.Api.Controllers;

[ApiController]
[Route("fhir/r4")]
[Authorize(Policy = "SmartScopes")]
public sealed class EverythingController : ControllerBase
{
    private readonly IEverythingService _everything;

    public EverythingController(IEverythingService everything) => _everything = everything;

    [HttpGet("Patient/{id}/$everything")]
    public async Task<IActionResult> PatientEverything(string id, [FromQuery(Name = "_since")] string? since, CancellationToken ct)
    {
        var bundle = await _everything.ForPatientAsync(id, since, ct);
        return bundle is null ? NotFound() : new FhirBundleResult(bundle);
    }

    [HttpGet("Encounter/{id}/$everything")]
    public async Task<IActionResult> EncounterEverything(string id, CancellationToken ct)
    {
        var bundle = await _everything.ForEncounterAsync(id, ct);
        return bundle is null ? NotFound() : new FhirBundleResult(bundle);
    }

    // $everything is defined by the FHIR specification only on Patient and Encounter (and Group in some IGs).
    [HttpGet("{type}/{id}/$everything")]
    public IActionResult OtherTypes(string type, string id) => BadRequest(new
    {
        resourceType = "OperationOutcome",
        issue = new[]
        {
            new { severity = "error", code = "not-supported", diagnostics = $"$everything is not defined on {type}; use Patient/{{id}}/$everything." },
        },
    });
}
