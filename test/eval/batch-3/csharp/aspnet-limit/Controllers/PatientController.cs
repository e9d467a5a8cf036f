using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

[ApiController]
[Route("fhir/r4/Patient")]
[EnableRateLimiting("patient-api")]
public class PatientController : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Read(string id) => Ok(new { resourceType = "Patient", id });
}
