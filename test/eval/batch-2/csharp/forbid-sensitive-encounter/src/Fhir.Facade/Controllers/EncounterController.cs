using Microsoft.AspNetCore.Mvc;

namespace Fhir.Facade.Controllers;

[ApiController]
[Route("fhir/r4/Encounter")]
public class EncounterController : ControllerBase
{
    private readonly IEncounterStore _store;

    public EncounterController(IEncounterStore store) => _store = store;

    [HttpGet("{id}")]
    public async Task<IActionResult> Read(string id)
    {
        var encounter = await _store.ReadAsync(id);
        if (encounter.Meta?.Security.Any(s => s.Code is "PSY" or "SDV" or "ETH") == true)
            return Forbid();
        return Ok(encounter);
    }
}
