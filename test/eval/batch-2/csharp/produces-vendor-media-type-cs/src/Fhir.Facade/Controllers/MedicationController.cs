using Microsoft.AspNetCore.Mvc;

namespace Fhir.Facade.Controllers;

[ApiController]
[Route("fhir/r4/MedicationRequest")]
[Produces("application/vnd.riverbend.medication+json")]
public class MedicationController : ControllerBase
{
    private readonly IMedicationStore _store;

    public MedicationController(IMedicationStore store) => _store = store;

    [HttpGet("{id}")]
    public async Task<IActionResult> Read(string id) => Ok(await _store.ReadAsync(id));
}
