namespace Referrals;

public class ReferralDispatcher
{
    private readonly IDirectClient _direct;
    private readonly IFaxService _fax;

    public ReferralDispatcher(IDirectClient direct, IFaxService fax)
    {
        _direct = direct;
        _fax = fax;
    }

    public Task SendAsync(Recipient recipient, ReferralPacket packet) =>
        string.IsNullOrEmpty(recipient.DirectAddress)
            ? _fax.SendAsync(recipient.Fax, packet.Pdf)
            : _direct.SendAsync(recipient.DirectAddress, packet.Ccda);
}
