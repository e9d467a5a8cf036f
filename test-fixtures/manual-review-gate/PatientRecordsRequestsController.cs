using Microsoft.AspNetCore.Mvc;

namespace Him.Records;

[ApiController]
[Route("api/patient/records-requests")]
public class PatientRecordsRequestsController : ControllerBase
{
    private readonly RecordsDb _db;
    private readonly ITelemetry _telemetry;

    public PatientRecordsRequestsController(RecordsDb db, ITelemetry telemetry)
    {
        _db = db;
        _telemetry = telemetry;
    }

    [HttpPost]
    public IActionResult Create(RecordsRequestForm form)
    {
        var request = new RecordsRequest { PatientId = form.PatientId, Status = RequestStatus.Received };
        _db.Add(request);
        // ok: manual-review-gate
        _telemetry.TrackEvent("RecordsRequestReview", new { request.Id });
        return Accepted();
    }

    // The patient appeals a denial: reviewing the appeal is the point.
    [HttpPost("{id}/appeal")]
    public IActionResult Appeal(int id)
    {
        var request = _db.Find(id);
        // ok: manual-review-gate
        request.Status = RequestStatus.PendingReview;
        return Accepted();
    }

    [HttpPost("bulk")]
    public IActionResult Bulk(RecordsRequestForm form)
    {
        var request = new RecordsRequest { PatientId = form.PatientId };
        // ruleid: manual-review-gate
        request.Status = RequestStatus.PendingReview;
        _db.Add(request);
        return Accepted();
    }
}
