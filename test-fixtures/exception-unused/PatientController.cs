using Microsoft.AspNetCore.Mvc;

[ApiController]
[Route("fhir/r4/Patient")]
public class PatientController : ControllerBase
{
    [HttpGet("{id}")]
    public async Task<IActionResult> Get(string id)
    {
        _audit.Record("ehi-exception", "unjustified-throttle", "health-it-performance", "Migration");
        // ruleid: exception-unused
        await _records.Warm(id); /* ehi-exception: health-it-performance; rule: unjustified-throttle; reason: Reads slowed during the 2025 migration; kind: unplanned-maintenance; max-duration: P14D; owner: fhir-platform-team; review-by: 2027-06-30 */ // ok: unjustified-throttle
        return Ok(await _records.Read(id));
    }

    [HttpGet("{id}/everything")]
    public async Task<IActionResult> Everything(string id)
    {
        _audit.Record("ehi-exception", "unjustified-throttle", "health-it-performance", "Migration");
        // ok: exception-unused
        await Task.Delay(TimeSpan.FromSeconds(2)); /* ehi-exception: health-it-performance; rule: unjustified-throttle; reason: $everything slowed during the migration; kind: unplanned-maintenance; max-duration: P14D; owner: fhir-platform-team; review-by: 2027-06-30 */ // ok: unjustified-throttle
        return Ok(await _records.Everything(id));
    }
}
