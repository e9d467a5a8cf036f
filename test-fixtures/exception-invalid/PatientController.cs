using Microsoft.AspNetCore.Mvc;

[ApiController]
[Route("fhir/r4/Patient")]
public class PatientController : ControllerBase
{
    [HttpGet("{id}")]
    public async Task<IActionResult> Get(string id)
    {
        // A misspelt exception id documents nothing.
        // ruleid: exception-invalid
        /* ehi-exception: securty
             reason: Slows credential-stuffing bots
             risk: Credential stuffing through the patient API
             basis: policy
             owner: security-office
             review-by: 2027-06-30 */
        await Task.Delay(TimeSpan.FromSeconds(2)); // ruleid: unjustified-throttle
        return Ok(await _records.Read(id));
    }

    [HttpGet("{id}/everything")]
    public async Task<IActionResult> Everything(string id)
    {
        _audit.Record("ehi-exception", "unjustified-throttle", "health-it-performance", "Everything queries during the migration");
        // ok: exception-invalid
        /* ehi-exception: health-it-performance
             reason: $everything is slowed while records migrate to the new store
             kind: unplanned-maintenance
             max-duration: P14D
             owner: fhir-platform-team
             review-by: 2027-06-30 */
        await Task.Delay(TimeSpan.FromSeconds(2)); // ok: unjustified-throttle
        return Ok(await _records.Everything(id));
    }
}
