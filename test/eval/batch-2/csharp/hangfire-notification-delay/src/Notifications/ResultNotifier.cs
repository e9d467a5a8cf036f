using Hangfire;

namespace Notifications;

public class ResultNotifier
{
    private readonly IBackgroundJobClient _jobs;

    public ResultNotifier(IBackgroundJobClient jobs) => _jobs = jobs;

    // The result is already visible; this only batches the "you have new results" text message.
    public void OnResultReleased(string patientId) =>
        _jobs.Schedule<ISmsSender>(s => s.SendNewResultsNoticeAsync(patientId), TimeSpan.FromHours(2));
}
