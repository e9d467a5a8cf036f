using System.Threading;
using System.Threading.Tasks;
using Larkspur.Exchange.Archive;
using Larkspur.Exchange.Auditing;

namespace Larkspur.Exchange.Services;

public enum ReleaseChannel
{
    Fax,
    Mail,
}

/// <summary>
/// Releases charts from the pre-2016 document archive (scanned TIFF images, no structured data) to
/// outside providers who request them.
/// </summary>
public sealed class LegacyArchiveRelease
{
    // ehi-exception: infeasibility
    //   reason: The retired archive only renders scanned page images; it has no export or messaging interface
    //   condition: infeasible-under-circumstances
    //   owner: him-department
    //   review-by: 2027-09-30
    private static readonly ReleaseChannel[] ArchiveChannels = { ReleaseChannel.Fax, ReleaseChannel.Mail };

    private readonly IArchiveClient _archive;
    private readonly IArchiveDelivery _delivery;
    private readonly IEhiAuditLog _audit;

    public LegacyArchiveRelease(IArchiveClient archive, IArchiveDelivery delivery, IEhiAuditLog audit)
    {
        _archive = archive;
        _delivery = delivery;
        _audit = audit;
    }

    public async Task ReleaseAsync(ArchiveRequest request, CancellationToken ct)
    {
        await _audit.AuditAsync("fax-only-manner", "infeasibility", "Archive charts released by fax or mail only", ct);

        var pages = await _archive.RenderChartAsync(request.ArchiveChartId, ct);
        var channel = request.PrefersMail ? ReleaseChannel.Mail : ArchiveChannels[0];
        await _delivery.SendAsync(channel, request.Recipient, pages, ct);
    }
}
