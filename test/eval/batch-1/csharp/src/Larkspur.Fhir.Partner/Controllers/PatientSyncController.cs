using System.Threading;
using System.Threading.Tasks;
using Larkspur.Fhir.Partner.Performance;
using Larkspur.Fhir.Partner.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Fhir.Partner.Controllers;

[ApiController]
[Authorize(Policy = "SmartScopes")]
[Route("fhir/r4/Patient/{patientId}/$sync")]
public sealed class PatientSyncController : ControllerBase
{
    private readonly IPatientSyncService _sync;
    private readonly IDegradingAppRegistry _degradingApps;

    public PatientSyncController(IPatientSyncService sync, IDegradingAppRegistry degradingApps)
    {
        _sync = sync;
        _degradingApps = degradingApps;
    }

    [HttpGet]
    public async Task<IActionResult> Sync(string patientId, [FromQuery(Name = "_since")] string? since, CancellationToken ct)
    {
        var clientId = User.FindFirst("client_id")?.Value ?? string.Empty;

        if (_degradingApps.IsFlagged(clientId))
        {
            // ehi-exception: health-it-performance
            //   reason: Back-off for the one app whose full re-sync every 30 seconds saturates the sync database (INC-20533)
            //   kind: third-party-app-impact
            //   max-duration: P7D
            //   owner: fhir-platform-team
            //   review-by: 2027-06-30
            await Task.Delay(_degradingApps.BackoffFor(clientId), ct);
        }

        var changes = await _sync.GetChangesAsync(patientId, since, ct);
        return new FhirResult(changes);
    }
}
