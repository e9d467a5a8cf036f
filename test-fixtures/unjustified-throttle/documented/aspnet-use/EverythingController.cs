using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

[ApiController]
[Route("fhir/Patient")]
public class EverythingController : ControllerBase
{
    // ehi-exception: health-it-performance
    //   reason: $everything over the legacy store exhausts connections above two concurrent calls (incident 5120)
    //   kind: third-party-app-impact
    //   max-duration: P30D
    //   owner: fhir-platform-team
    //   review-by: 2027-06-30
    // ok: unjustified-throttle
    [EnableRateLimiting("everything-concurrency")]
    [HttpGet("{id}/$everything")]
    public IActionResult Everything(string id)
    {
        _audit.Log("ehi-exception", "unjustified-throttle", "health-it-performance");
        return Ok(_store.Everything(id));
    }
}
