using System;
using System.Linq;
using System.Threading.Tasks;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clinic.Portal.Results;

public class ResultReleaseOptions
{
    // ruleid: release-delay
    public int LabResultHoldHours { get; set; } = 72;

    // ok: release-delay
    public int CriticalResultCallbackMinutes { get; set; } = 30;

    // ok: release-delay
    public bool AllowIndividualHold { get; set; } = true;

    // ruleid: release-delay
    public bool HideRadiologyReportsFromPortal { get; set; } = true;
}

[ApiController]
[Authorize(Policy = "Patient")]
[Route("api/portal/[controller]")]
public class LabResultsController : ControllerBase
{
    private readonly PortalDbContext _db;
    private readonly ResultReleaseOptions _options;
    private readonly IBackgroundJobClient _jobs;

    public LabResultsController(PortalDbContext db, IOptions<ResultReleaseOptions> options, IBackgroundJobClient jobs)
    {
        _db = db;
        _options = options.Value;
        _jobs = jobs;
    }

    [HttpGet]
    public async Task<IActionResult> Get()
    {
        var patientId = User.FindFirst("patient_id")!.Value;
        var results = await _db.LabResults.Where(r => r.PatientId == patientId).ToListAsync();
        // ruleid: release-delay
        var visible = results.Where(r => (DateTime.UtcNow - r.FinalizedAt).TotalHours >= _options.LabResultHoldHours).ToList();
        return Ok(visible);
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> GetOne(string id)
    {
        var result = await _db.LabResults.FindAsync(id);
        if (result is null) return NotFound();
        // ok: release-delay
        // ruleid: undocumented-denial
        if (result.IndividualHoldDeterminationId is not null) return StatusCode(403, "Held by your care team for this result.");
        return Ok(result);
    }

    [HttpPost("{id}/finalized")]
    [AllowAnonymous]
    public IActionResult OnFinalized(string id)
    {
        // ruleid: release-delay
        _jobs.Schedule<IResultReleaser>(r => r.ReleaseToPortal(id), TimeSpan.FromHours(72));
        // ok: release-delay
        _jobs.Schedule<IResultNotifier>(n => n.NotifyOrderingProvider(id), TimeSpan.FromMinutes(5));
        return Accepted();
    }

    [HttpGet("download-link/{id}")]
    public IActionResult DownloadLink(string id)
    {
        // ok: release-delay
        var expiresAt = DateTime.UtcNow.AddHours(1);
        return Ok(new { url = $"/files/{id}", expiresAt });
    }
}
