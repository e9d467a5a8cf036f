using Microsoft.AspNetCore.Mvc;

namespace Portal.Api.Controllers;

[ApiController]
[Route("portal/api/summary")]
public class SummaryController : ControllerBase
{
    private readonly IChartService _chart;

    public SummaryController(IChartService chart) => _chart = chart;

    [HttpGet]
    public async Task<IActionResult> Get([FromQuery(Name = "_type")] string? types)
    {
        var chart = await _chart.ForCurrentPatientAsync();
        if (string.IsNullOrWhiteSpace(types)) return Ok(chart);
        var wanted = types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Ok(chart.Where(r => wanted.Contains(r.TypeName)));
    }
}
