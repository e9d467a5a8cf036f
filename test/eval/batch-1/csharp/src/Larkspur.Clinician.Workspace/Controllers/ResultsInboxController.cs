using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Clinician.Workspace.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Clinician.Workspace.Controllers;

/// <summary>
/// The ordering clinician's results inbox: results they have not yet reviewed, newest and abnormal first.
/// This is a work queue; it has no bearing on what the patient portal shows.
/// </summary>
[ApiController]
[Authorize(Roles = "Clinician")]
[Route("workspace/api/inbox/results")]
public sealed class ResultsInboxController : ControllerBase
{
    private readonly IInboxRepository _inbox;
    private readonly ICurrentClinician _clinician;

    public ResultsInboxController(IInboxRepository inbox, ICurrentClinician clinician)
    {
        _inbox = inbox;
        _clinician = clinician;
    }

    [HttpGet]
    public async Task<IActionResult> Unreviewed([FromQuery] bool abnormalOnly, CancellationToken ct)
    {
        var items = await _inbox.ListResultsForProviderAsync(_clinician.ProviderId, ct);

        var queue = items
            .Where(i => i.ReviewedAt is null)
            .Where(i => !abnormalOnly || i.AbnormalFlag != AbnormalFlag.Normal)
            .OrderByDescending(i => i.AbnormalFlag == AbnormalFlag.Critical)
            .ThenByDescending(i => i.ResultedAt)
            .ToList();

        return Ok(queue);
    }

    [HttpPost("{itemId}/review")]
    public async Task<IActionResult> MarkReviewed(Guid itemId, [FromBody] ReviewNote note, CancellationToken ct)
    {
        await _inbox.MarkReviewedAsync(itemId, _clinician.ProviderId, note.Comment, ct);
        return NoContent();
    }
}
