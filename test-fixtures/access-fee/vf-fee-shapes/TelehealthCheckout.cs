using Microsoft.AspNetCore.Mvc;
using Stripe.Checkout;

namespace Clinic.Payments;

[ApiController]
[Route("fhir/r4/Patient")]
// ruleid: access-fee
[RequireActiveSubscription]
public class PaidFhirPatientController : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Read(string id) => Ok();
}

[ApiController]
[Route("api/telehealth/visits")]
public class TelehealthCheckout : ControllerBase
{
    // ok: access-fee
    public decimal CopayAmount { get; set; } = 25m;

    [HttpPost("{id}/checkout")]
    public IActionResult Checkout(string id)
    {
        // ok: access-fee
        var session = new SessionService().Create(new SessionCreateOptions { Mode = "payment" });
        return Ok(session.Url);
    }
}
