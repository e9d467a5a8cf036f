using Microsoft.AspNetCore.Mvc;

[ApiController]
[Route("fhir/r4/Patient")]
public class PatientController : ControllerBase
{
    [HttpGet("{id}")]
    public async Task<IActionResult> Get(string id)
    {
        /* ehi-exception: health-it-performance
             reason: Reads are slowed while records migrate to the new store
             owner: fhir-platform-team */
        await Task.Delay(TimeSpan.FromSeconds(2));
        return Ok(await _records.Read(id));
    }
}
