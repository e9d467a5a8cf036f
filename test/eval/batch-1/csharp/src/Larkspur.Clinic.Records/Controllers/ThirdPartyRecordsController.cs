using System.Threading;
using System.Threading.Tasks;
using Larkspur.Clinic.Records.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Clinic.Records.Controllers;

/// <summary>
/// Records requests from third parties a patient designated (family members, another clinic, an app vendor).
/// </summary>
[ApiController]
[Authorize(Policy = "FrontDesk")]
[Route("api/clinic/third-party-requests")]
public sealed class ThirdPartyRecordsController : ControllerBase
{
    private readonly IThirdPartyRequestStore _store;
    private readonly IChartExporter _charts;

    public ThirdPartyRecordsController(IThirdPartyRequestStore store, IChartExporter charts)
    {
        _store = store;
        _charts = charts;
    }

    [HttpPost("{requestId}/fulfil")]
    public async Task<IActionResult> Fulfil(string requestId, CancellationToken ct)
    {
        var request = await _store.GetAsync(requestId, ct);
        if (request is null)
        {
            return NotFound();
        }

        if (!request.RecipientIsCoveredEntity)
        {
            return StatusCode(StatusCodes.Status403Forbidden, new
            {
                error = "release_not_permitted",
                message = "These records cannot be released to a third party due to HIPAA.",
            });
        }

        var export = await _charts.ExportAsync(request.PatientId, request.DateRange, ct);
        await _store.MarkFulfilledAsync(requestId, export.Id, ct);
        return Ok(new { exportId = export.Id });
    }
}
