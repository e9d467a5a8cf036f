using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace PatientAccess.Controllers;

[ApiController]
[Authorize(Policy = "PatientScope")]
[Route("api/patient-access/records")]
[EnableRateLimiting("patient-sliding")]
public class PatientRecordsController : ControllerBase
{
    private readonly IRecordsService _records;

    public PatientRecordsController(IRecordsService records) => _records = records;

    [HttpGet("{patientId}")]
    public async Task<IActionResult> Get(string patientId, CancellationToken ct) =>
        Ok(await _records.GetSummaryAsync(patientId, ct));
}
