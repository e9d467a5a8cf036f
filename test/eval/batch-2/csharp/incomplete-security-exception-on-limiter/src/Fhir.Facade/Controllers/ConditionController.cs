using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Fhir.Facade.Controllers;

[ApiController]
[Route("fhir/r4/Condition")]
public class ConditionController : ControllerBase
{
    private readonly IConditionStore _store;

    public ConditionController(IConditionStore store) => _store = store;

    // ehi-exception: security
    //   reason: Scraping
    //   owner: security-office
    //   review-by: 2027-02-28
    [EnableRateLimiting("condition-search")]
    [HttpGet]
    public async Task<ActionResult<Bundle>> Search([FromQuery] string patient) =>
        await _store.SearchByPatientAsync(patient);
}
