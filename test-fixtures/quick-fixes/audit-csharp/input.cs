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
             kind: unplanned-maintenance
             max-duration: P14D
             owner: fhir-platform-team
             review-by: 2027-06-30 */
        await Task.Delay(TimeSpan.FromSeconds(2));
        return Ok(await _records.Read(id));
    }
}
