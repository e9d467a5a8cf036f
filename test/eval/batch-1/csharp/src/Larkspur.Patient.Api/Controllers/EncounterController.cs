using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Larkspur.Patient.Api.Fhir;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Patient.Api.Controllers;

/// <summary>
/// Encounter reads. FHIR JSON is the default; the portal's visit-summary widget asks for its own compact
/// representation with an Accept header.
/// </summary>
[ApiController]
[Authorize(Policy = "PatientSelf")]
[Route("fhir/r4/Encounter")]
[Produces("application/fhir+json", "application/vnd.larkspur.visit-summary+json")]
public sealed class EncounterController : ControllerBase
{
    private static readonly FhirJsonSerializer Serializer = new();

    private readonly FhirClient _fhir;
    private readonly IVisitSummaryMapper _summaries;

    public EncounterController(FhirClient fhir, IVisitSummaryMapper summaries)
    {
        _fhir = fhir;
        _summaries = summaries;
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Read(string id, CancellationToken ct)
    {
        var encounter = await _fhir.ReadAsync<Hl7.Fhir.Model.Encounter>($"Encounter/{id}", ct: ct);
        if (encounter is null)
        {
            return NotFound();
        }

        if (Request.Headers.Accept.ToString().Contains("application/vnd.larkspur.visit-summary+json"))
        {
            return Ok(_summaries.ToSummary(encounter));
        }

        return Content(Serializer.SerializeToString(encounter), "application/fhir+json");
    }
}
