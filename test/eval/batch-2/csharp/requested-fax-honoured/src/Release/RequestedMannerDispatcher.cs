namespace Release;

public class RequestedMannerDispatcher
{
    private readonly IFaxService _fax;
    private readonly IDirectClient _direct;
    private readonly IPortalPublisher _portal;

    public RequestedMannerDispatcher(IFaxService fax, IDirectClient direct, IPortalPublisher portal)
    {
        _fax = fax;
        _direct = direct;
        _portal = portal;
    }

    public Task DispatchAsync(ReleaseRequest request, ReleasePacket packet) => request.RequestedManner switch
    {
        Manner.Fax => _fax.SendAsync(request.Recipient.Fax, packet.Pdf),
        Manner.Direct => _direct.SendAsync(request.Recipient.DirectAddress, packet.Ccda),
        _ => _portal.PublishAsync(request.PatientId, packet),
    };
}
