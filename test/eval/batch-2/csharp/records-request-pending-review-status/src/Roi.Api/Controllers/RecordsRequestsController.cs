using Microsoft.AspNetCore.Mvc;

namespace Roi.Api.Controllers;

[ApiController]
[Route("portal/api/records-requests")]
public class RecordsRequestsController : ControllerBase
{
    private readonly RoiDbContext _db;

    public RecordsRequestsController(RoiDbContext db) => _db = db;

    [HttpPost]
    public async Task<IActionResult> Create(NewRecordsRequest body)
    {
        var request = new RecordsRequest
        {
            PatientId = User.FindFirst("patient")!.Value,
            Scope = body.Scope,
            Status = RecordsRequestStatus.PendingReview,
        };
        _db.RecordsRequests.Add(request);
        await _db.SaveChangesAsync();
        return Accepted(new { request.Id, request.Status });
    }
}
