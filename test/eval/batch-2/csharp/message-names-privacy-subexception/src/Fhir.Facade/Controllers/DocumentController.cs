using Microsoft.AspNetCore.Mvc;

namespace Fhir.Facade.Controllers;

[ApiController]
[Route("fhir/r4/DocumentReference")]
public class DocumentController : ControllerBase
{
    private readonly IDocumentStore _store;
    private readonly IAuditLog _audit;

    public DocumentController(IDocumentStore store, IAuditLog audit)
    {
        _store = store;
        _audit = audit;
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Read(string id)
    {
        var doc = await _store.ReadAsync(id);
        if (doc.PatientRequestedRestriction)
        {
            await _audit.RecordAsync("undocumented-denial", "privacy", "individual request 171.202(e)");
            return StatusCode(403, new { message = "Withheld at the patient's request under 45 CFR 171.202(e). Contact HIM to ask for a review." });
        }
        return Ok(doc);
    }
}
