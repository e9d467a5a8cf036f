using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Api.Controllers;

[ApiController]
[Authorize]
[Route("portal/api/results")]
public class ResultsController : ControllerBase
{
    private readonly IResultRepository _results;

    public ResultsController(IResultRepository results) => _results = results;

    [HttpGet]
    public async Task<IActionResult> Mine()
    {
        var patientId = User.FindFirst("patient")!.Value;
        var results = await _results.ForPatientAsync(patientId);
        return Ok(results.Where(r => r.ReviewedByProvider));
    }
}
