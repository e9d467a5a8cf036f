namespace Clinic.Referrals;

public class Sender(IDirectClient direct, IFaxClient fax)
{
    public async Task SendAsync(Recipient r, byte[] ccda)
    {
        try { await direct.SendAsync(r.DirectAddress!, ccda); }
        catch (DirectDeliveryException) { await fax.SendAsync(r.FaxNumber, ccda); }
    }
}
public interface IDirectClient { Task SendAsync(string to, byte[] b); }
public interface IFaxClient { Task SendAsync(string to, byte[] b); }
public record Recipient(string? DirectAddress, string FaxNumber);
public class DirectDeliveryException : Exception {}
