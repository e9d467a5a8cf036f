namespace Dev.Portal.Apps;

public enum AppStatus { PendingVerification, AwaitingReview, Active }

public class RegistrationService(IAppStore store)
{
    public Task<AppRecord> RegisterPatientAppAsync(AppRecord app) =>
        store.SaveAsync(app with { Status = AppStatus.AwaitingReview });
}
public record AppRecord(string Name, AppStatus Status);
public interface IAppStore { Task<AppRecord> SaveAsync(AppRecord a); }
