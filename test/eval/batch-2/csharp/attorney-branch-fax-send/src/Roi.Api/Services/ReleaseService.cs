namespace Roi.Api.Services;

public class ReleaseService
{
    private readonly IFaxService _fax;
    private readonly IPortalPublisher _portal;
    private readonly IPacketRenderer _renderer;

    public ReleaseService(IFaxService fax, IPortalPublisher portal, IPacketRenderer renderer)
    {
        _fax = fax;
        _portal = portal;
        _renderer = renderer;
    }

    public async Task ReleaseAsync(ReleaseRequest request)
    {
        var packet = await _renderer.RenderAsync(request);
        if (request.RequesterType == RequesterType.Attorney || request.RequesterType == RequesterType.Insurer)
        {
            await _fax.SendAsync(request.Recipient.Fax, packet.Pdf);
            return;
        }
        await _portal.PublishAsync(request.PatientId, packet);
    }
}
