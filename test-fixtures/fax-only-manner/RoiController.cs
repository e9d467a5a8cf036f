using Microsoft.AspNetCore.Mvc;

namespace Example.Roi;

// ruleid: fax-only-manner
public enum DeliveryMethod
{
    Fax,
    Mail,
}

// ok: fax-only-manner
public enum ReleaseChannel { Fax, Direct, PatientPortal }

[ApiController]
[Route("roi")]
public class RoiController : ControllerBase
{
    // ruleid: fax-only-manner
    private static readonly string[] AllowedDeliveryMethods = new[] { "Fax", "Paper" };

    // ok: fax-only-manner
    private static readonly string[] SupportedReleaseChannels = { "Fax", "Direct", "FhirApi" };

    [HttpPost("requests")]
    public IActionResult Create(RecordsRequest request)
    {
        // ruleid: fax-only-manner
        if (request.DeliveryMethod != "Fax")
        {
            return BadRequest("Records are only released by fax.");
        }
        // ok: fax-only-manner
        if (request.DeliveryMethod == "Fax" && string.IsNullOrEmpty(request.FaxNumber))
        {
            return BadRequest("A fax number is required for fax delivery.");
        }
        return Accepted();
    }

    private void Deliver(RecordsRequest request, byte[] pdf)
    {
        // ruleid: fax-only-manner
        if (request.RequesterType == RequesterType.Payer)
        {
            _faxClient.SendFax(request.FaxNumber, pdf);
        }
    }
}
