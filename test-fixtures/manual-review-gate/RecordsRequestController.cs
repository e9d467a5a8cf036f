using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Him.Records;

public class RecordsRequestOptions
{
    // ruleid: manual-review-gate
    public bool RequireLegalReview { get; set; } = true;

    // ok: manual-review-gate
    public bool SendConfirmationEmail { get; set; } = true;
}

[ApiController]
[Route("api/records-requests")]
public class RecordsRequestController : ControllerBase
{
    private readonly HimDbContext _db;

    public RecordsRequestController(HimDbContext db) => _db = db;

    [HttpPost]
    public async Task<IActionResult> Submit(RecordsRequestForm form)
    {
        var request = new RecordsRequest
        {
            PatientId = form.PatientId,
            // ruleid: manual-review-gate
            Status = RequestStatus.PendingReview,
        };
        _db.Requests.Add(request);
        await _db.SaveChangesAsync();
        return Accepted(request);
    }

    [HttpPost("subpoena")]
    public async Task<IActionResult> Subpoena(RecordsRequestForm form)
    {
        // ok: manual-review-gate
        var request = new RecordsRequest { PatientId = form.PatientId, Status = RequestStatus.PendingLegalSubpoenaReview };
        _db.Requests.Add(request);
        await _db.SaveChangesAsync();
        return Accepted(request);
    }
}
