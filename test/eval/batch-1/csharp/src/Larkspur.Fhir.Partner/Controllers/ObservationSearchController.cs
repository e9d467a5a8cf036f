using System.Threading;
using System.Threading.Tasks;
using Larkspur.Fhir.Partner.Auditing;
using Larkspur.Fhir.Partner.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Larkspur.Fhir.Partner.Controllers;

[ApiController]
[Authorize(Policy = "SmartScopes")]
[Route("fhir/r4/Observation")]
public sealed class ObservationSearchController : ControllerBase
{
    private readonly IObservationSearch _search;
    private readonly IEhiAuditLog _audit;

    public ObservationSearchController(IObservationSearch search, IEhiAuditLog audit)
    {
        _search = search;
        _audit = audit;
    }

    // ehi-exception: health-it-performance
    //   reason: Per-app concurrency cap while the lab results index is repartitioned; apps polling every few
    //     seconds were pushing Observation search p95 above 8 s for everyone (incident INC-20417)
    //   kind: third-party-app-impact
    //   max-duration: P14D
    //   owner: fhir-platform-team
    //   ticket: CHG-8812
    //   review-by: 2027-06-30
    [HttpGet]
    [EnableRateLimiting("app-backpressure")]
    public async Task<IActionResult> Search(CancellationToken ct)
    {
        _audit.RecordAudit(new EhiAuditEvent(
            Event: "ehi-exception",
            Rule: "unjustified-throttle",
            Exception: "health-it-performance",
            Reason: "Per-app concurrency cap during lab index repartition (INC-20417)",
            ClientId: User.FindFirst("client_id")?.Value));

        var bundle = await _search.SearchAsync(Request.Query, User, ct);
        return new FhirResult(bundle);
    }
}
