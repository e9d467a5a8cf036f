using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Fhir.Api
{
    [ApiController]
    [Route("fhir/Observation")]
    [Authorize(Policy = "PartnerApps")]
    public class ObservationController : ControllerBase
    {
        [HttpGet("{id}")]
        public IActionResult Read(string id) => Ok(new { resourceType = "Observation", id });
    }

    [ApiController]
    [Route("internal/ops")]
    [Authorize(Policy = "OpsTools")]
    public class OpsController : ControllerBase
    {
        [HttpGet("queue")]
        public IActionResult Queue() => Ok();
    }
}
