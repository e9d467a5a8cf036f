using Microsoft.AspNetCore.Mvc;

namespace Exchange.Api.Controllers;

[ApiController]
[Route("api/outside-requests")]
public class OutsideRequestsController : ControllerBase
{
    private readonly IFaxQueue _faxQueue;

    public OutsideRequestsController(IFaxQueue faxQueue) => _faxQueue = faxQueue;

    [HttpPost]
    public async Task<IActionResult> Create(OutsideRequestDto dto)
    {
        if (dto.Method is "direct" or "email" or "portal" or "fhir")
            return BadRequest(new { error = "Outside requests are fulfilled by fax only." });
        var job = await _faxQueue.EnqueueAsync(dto);
        return Accepted(new { job.Id });
    }
}
