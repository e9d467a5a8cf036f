using Hangfire;

namespace Results.Ingest;

public class ImagingReleaseScheduler
{
    private readonly IBackgroundJobClient _jobs;

    public ImagingReleaseScheduler(IBackgroundJobClient jobs) => _jobs = jobs;

    public void OnReportSigned(string reportId)
    {
        _jobs.Schedule<IPortalPublisher>(p => p.PublishReportAsync(reportId), TimeSpan.FromDays(2));
    }
}
