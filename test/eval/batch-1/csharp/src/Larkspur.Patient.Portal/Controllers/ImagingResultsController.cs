using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Patient.Portal.Records;
using Larkspur.Patient.Portal.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Patient.Portal.Controllers;

[ApiController]
[Authorize]
[Route("portal/api/results/imaging")]
public sealed class ImagingResultsController : ControllerBase
{
    private readonly IResultsRepository _results;
    private readonly ICurrentPatient _currentPatient;
    private readonly TimeProvider _clock;

    public ImagingResultsController(IResultsRepository results, ICurrentPatient currentPatient, TimeProvider clock)
    {
        _results = results;
        _currentPatient = currentPatient;
        _clock = clock;
    }

    [HttpGet]
    public async Task<IActionResult> List(CancellationToken ct)
    {
        var reports = await _results.ListImagingReportsAsync(_currentPatient.PatientId, ct);
        var releasableBefore = _clock.GetUtcNow() - ReleaseWindows.ImagingReportHold;

        var visible = reports
            .Where(r => r.Status == ReportStatus.Final && r.FinalizedUtc <= releasableBefore)
            .OrderByDescending(r => r.FinalizedUtc)
            .Select(r => new { r.Id, r.Modality, r.Title, r.FinalizedUtc, r.OrderingProvider })
            .ToList();

        return Ok(visible);
    }
}
