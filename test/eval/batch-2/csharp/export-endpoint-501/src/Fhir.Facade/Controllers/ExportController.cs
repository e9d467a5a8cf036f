using Microsoft.AspNetCore.Mvc;

namespace Fhir.Facade.Controllers;

[ApiController]
public class ExportController : ControllerBase
{
    [HttpGet("fhir/r4/$export")]
    [HttpGet("fhir/r4/Patient/$export")]
    public IActionResult Export() =>
        StatusCode(StatusCodes.Status501NotImplemented, new { resourceType = "OperationOutcome", issue = new[] { new { severity = "error", code = "not-supported" } } });
}
