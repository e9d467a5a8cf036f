using Microsoft.AspNetCore.Mvc;

namespace Fhir.Facade.Controllers;

[ApiController]
[Route("fhir/r4/Condition")]
public class ConditionWriteController : ControllerBase
{
    private readonly IConditionStore _store;

    public ConditionWriteController(IConditionStore store) => _store = store;

    [HttpDelete("{id}")]
    public async Task<IActionResult> Delete(string id)
    {
        var condition = await _store.ReadAsync(id);
        if (condition.Meta?.Security.Any(s => s.Code == "R") == true)
            return Forbid();
        await _store.DeleteAsync(id);
        return NoContent();
    }
}
