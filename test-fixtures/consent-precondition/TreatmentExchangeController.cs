using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Exchange;

public class ExchangeOptions
{
    // ruleid: consent-precondition
    public string ConsentModel { get; set; } = "opt-in";

    // ok: consent-precondition
    public string ConsentAuditLevel { get; set; } = "full";
}

[ApiController]
[Route("api/treatment-exchange")]
public class TreatmentExchangeController : ControllerBase
{
    private readonly IConsentStore _consents;
    private readonly IDocumentStore _documents;

    public TreatmentExchangeController(IConsentStore consents, IDocumentStore documents)
    {
        _consents = consents;
        _documents = documents;
    }

    [HttpGet("patients/{id}/summary")]
    public async Task<IActionResult> Summary(string id)
    {
        if (!await _consents.HasConsentAsync(id)) // ruleid: consent-precondition
        {
            return Forbid();
        }
        return Ok(await _documents.SummaryAsync(id));
    }

    [HttpGet("patients/{id}/adolescent-notes")]
    public async Task<IActionResult> AdolescentNotes(string id)
    {
        // State law requires the minor's consent for these notes.
        if (!await _consents.HasMinorConsentAsync(id)) // ok: consent-precondition
        {
            // ruleid: undocumented-denial
            return Forbid();
        }
        return Ok(await _documents.NotesAsync(id));
    }
}
