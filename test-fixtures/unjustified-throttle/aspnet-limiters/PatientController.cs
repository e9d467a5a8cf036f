using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Contoso.Fhir.Api;

[ApiController]
[Route("fhir/Patient")]
[EnableRateLimiting(LimiterPolicies.FhirRead)]
public class PatientController : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Read(string id) => Ok(_store.Read("Patient", id));
}

[ApiController]
[Route("api/records-requests")]
public class RecordsRequestController : ControllerBase
{
    [EnableRateLimiting("records")]
    [HttpPost]
    public IActionResult Create(RecordsRequest request) => Accepted(_requests.Open(request));
}
