using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Mvc;
using Polly;
using Polly.RateLimit;

namespace Fhir.Facade.Controllers;

[ApiController]
[Route("fhir/r4/Observation")]
public class ObservationController : ControllerBase
{
    private static readonly AsyncRateLimitPolicy SearchLimit = Policy.RateLimitAsync(5, TimeSpan.FromSeconds(10));
    private readonly IObservationStore _store;

    public ObservationController(IObservationStore store) => _store = store;

    [HttpGet]
    public async Task<ActionResult<Bundle>> Search([FromQuery] string patient)
    {
        try
        {
            return await SearchLimit.ExecuteAsync(() => _store.SearchByPatientAsync(patient));
        }
        catch (RateLimitRejectedException ex)
        {
            Response.Headers.RetryAfter = ((int)ex.RetryAfter.TotalSeconds).ToString();
            return StatusCode(429);
        }
    }
}
