using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Larkspur.Patient.Apps.Auditing;

namespace Larkspur.Patient.Apps.Services;

/// <summary>
/// Last step before a $everything bundle is returned to a patient-authorized app.
/// </summary>
public sealed class AppBundleTrimmer
{
    private readonly IEhiAuditLog _audit;

    public AppBundleTrimmer(IEhiAuditLog audit) => _audit = audit;

    public async Task<Bundle> TrimAsync(Bundle bundle, string clientId, CancellationToken ct)
    {
        await _audit.AuditAsync("data-class-filter", "health-it-performance", "Documents and media left out of app bundles", clientId, ct);

        // ehi-exception: health-it-performance
        //   reason: Scanned documents and media make $everything responses time out at the gateway
        //   kind: unplanned-maintenance
        //   max-duration: P30D
        //   owner: patient-apps-team
        //   review-by: 2027-07-31
        bundle.Entry.RemoveAll(e => e.Resource is DocumentReference || e.Resource is Media);

        bundle.Total = bundle.Entry.Count;
        return bundle;
    }
}
