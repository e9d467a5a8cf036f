using Microsoft.AspNetCore.Mvc;

[ApiController]
[Route("fhir/r4/Patient/{id}/$everything")]
public class ExportController : ControllerBase
{
    [HttpGet]
    public IActionResult Everything(string id, [FromServices] IAppContext app)
    {
        if (!app.Current.IsFirstParty)
            return Forbid();
        return Ok(new { resourceType = "Bundle" });
    }
}

public interface IAppContext { ClientApp Current { get; } }
public record ClientApp(bool IsFirstParty);
