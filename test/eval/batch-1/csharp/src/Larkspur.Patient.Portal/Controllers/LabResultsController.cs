using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Patient.Portal.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Patient.Portal.Controllers;

[ApiController]
[Authorize]
[Route("portal/api/results/lab")]
public sealed class LabResultsController : ControllerBase
{
    private readonly IResultsRepository _results;
    private readonly ICurrentPatient _currentPatient;

    public LabResultsController(IResultsRepository results, ICurrentPatient currentPatient)
    {
        _results = results;
        _currentPatient = currentPatient;
    }

    /// <summary>
    /// Final lab results are shown as soon as the lab finalizes them. A result is held only when a licensed
    /// clinician has placed an individual hold on that one result for this patient (IndividualHold records
    /// who decided, why, and when it lapses); the patient can ask for that determination to be reviewed.
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> List(CancellationToken ct)
    {
        var results = await _results.ListLabResultsAsync(_currentPatient.PatientId, ct);

        var visible = results
            .Where(r => r.Status is ReportStatus.Final or ReportStatus.Amended or ReportStatus.Corrected)
            .Where(r => r.IndividualHold is null || r.IndividualHold.HasLapsed)
            .OrderByDescending(r => r.FinalizedUtc)
            .ToList();

        var heldCount = results.Count(r => r.IndividualHold is { HasLapsed: false });

        return Ok(new
        {
            results = visible,
            heldByClinician = heldCount,
            reviewRequestUrl = heldCount > 0 ? "/portal/requests/hold-review" : null,
        });
    }
}
