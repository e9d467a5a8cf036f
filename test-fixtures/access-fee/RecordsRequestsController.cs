using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Stripe;

namespace Clinic.Him;

public class RoiFeeOptions
{
    // ruleid: access-fee
    public decimal RecordRequestFee { get; set; } = 25.00m;

    // ok: access-fee
    public decimal RecordRequestFeeForPatients { get; set; } = 0m;

    // ok: access-fee
    public decimal PostageFee { get; set; } = 4.50m;
}

[ApiController]
[Route("api/records-requests")]
public class RecordsRequestsController : ControllerBase
{
    private readonly ChargeService _chargeService = new();
    private readonly IRecordsRequestStore _store;

    public RecordsRequestsController(IRecordsRequestStore store) => _store = store;

    [HttpPost("{id}/release")]
    public async Task<IActionResult> Release(string id)
    {
        var request = await _store.GetAsync(id);
        // ruleid: access-fee
        await _chargeService.CreateAsync(new ChargeCreateOptions { Amount = request.FeeCents, Currency = "usd", Customer = request.RequesterCustomerId });
        return Ok(await _store.ReleaseAsync(id));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Get(string id)
    {
        var request = await _store.GetAsync(id);
        // ok: access-fee
        if (request is null) return NotFound();
        return Ok(request);
    }
}

[ApiController]
[Route("api/portal/me/ccda")]
public class PortalCcdaController : ControllerBase
{
    private readonly IPatientBalance _balance;

    public PortalCcdaController(IPatientBalance balance) => _balance = balance;

    [HttpGet]
    public async Task<IActionResult> Download()
    {
        // ruleid: access-fee
        if (await _balance.HasUnpaidBalanceAsync(User)) return StatusCode(StatusCodes.Status402PaymentRequired);
        return File(await BuildCcdaAsync(), "application/xml");
    }

    private Task<byte[]> BuildCcdaAsync() => Task.FromResult(new byte[0]);
}
