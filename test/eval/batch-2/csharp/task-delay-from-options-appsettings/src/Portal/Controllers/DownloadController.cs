using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Portal.Controllers;

public sealed class RecordsOptions
{
    public int DownloadDelaySeconds { get; set; }
}

[ApiController]
[Route("portal/api/records")]
public class DownloadController : ControllerBase
{
    private readonly RecordsOptions _options;
    private readonly ICcdaBuilder _ccda;

    public DownloadController(IOptions<RecordsOptions> options, ICcdaBuilder ccda)
    {
        _options = options.Value;
        _ccda = ccda;
    }

    [HttpGet("{patientId}/ccda")]
    public async Task<IActionResult> Ccda(string patientId)
    {
        await Task.Delay(TimeSpan.FromSeconds(_options.DownloadDelaySeconds));
        return File(await _ccda.BuildAsync(patientId), "application/xml", $"{patientId}.xml");
    }
}
