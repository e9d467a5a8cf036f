using System;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Roi.Service.Domain;
using Microsoft.Extensions.Logging;

namespace Larkspur.Roi.Service.Services;

/// <summary>
/// Sends a fulfilled ROI packet in the manner the requester chose on the request form.
/// </summary>
public sealed class FulfilmentDispatcher
{
    private readonly IDirectClient _direct;
    private readonly IPortalPublisher _portal;
    private readonly IFaxClient _fax;
    private readonly IPrintAndMailVendor _mail;
    private readonly ILogger<FulfilmentDispatcher> _logger;

    public FulfilmentDispatcher(IDirectClient direct, IPortalPublisher portal, IFaxClient fax, IPrintAndMailVendor mail, ILogger<FulfilmentDispatcher> logger)
    {
        _direct = direct;
        _portal = portal;
        _fax = fax;
        _mail = mail;
        _logger = logger;
    }

    public async Task DispatchAsync(RoiRequest request, ReleasePacket packet, CancellationToken ct)
    {
        switch (request.PreferredManner)
        {
            case Manner.Direct:
                try
                {
                    await _direct.SendAsync(request.DirectAddress!, packet.Ccda, ct);
                }
                catch (DirectDeliveryException ex) when (!string.IsNullOrEmpty(request.FaxNumber))
                {
                    // The HISP rejected the message after retries; fall back to the fax number on the form.
                    _logger.LogWarning(ex, "Direct delivery failed for {RequestId}; falling back to fax", request.Id);
                    await _fax.SendAsync(request.FaxNumber!, packet.Pdf, ct);
                }
                break;

            case Manner.PortalDownload:
                await _portal.PublishAsync(request.PatientId, packet, ct);
                break;

            case Manner.Fax:
                await _fax.SendAsync(request.FaxNumber!, packet.Pdf, ct);
                break;

            case Manner.Mail:
                await _mail.SubmitAsync(request.MailingAddress!, packet.Pdf, ct);
                break;

            default:
                throw new InvalidOperationException($"Unsupported manner {request.PreferredManner}");
        }
    }
}
