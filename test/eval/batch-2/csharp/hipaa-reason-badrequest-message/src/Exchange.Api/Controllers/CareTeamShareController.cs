using Microsoft.AspNetCore.Mvc;

namespace Exchange.Api.Controllers;

[ApiController]
[Route("api/care-team/share")]
public class CareTeamShareController : ControllerBase
{
    private readonly IShareService _share;

    public CareTeamShareController(IShareService share) => _share = share;

    [HttpPost]
    public async Task<IActionResult> Share(ShareRequest request)
    {
        if (!request.RecipientIsAffiliated)
            return StatusCode(403, new { message = "Records cannot be shared with unaffiliated providers due to HIPAA." });
        return Ok(await _share.ShareAsync(request));
    }
}
