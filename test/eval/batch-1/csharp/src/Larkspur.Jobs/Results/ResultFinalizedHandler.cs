using System;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Larkspur.Jobs.Results.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Larkspur.Jobs.Results;

public sealed class PortalReleaseOptions
{
    public const string Section = "PortalRelease";

    public int LabResultHoldHours { get; set; }
    public bool NotifyPatientOnRelease { get; set; } = true;
}

/// <summary>
/// Consumes "result finalized" events from the lab interface and schedules publication to the patient portal.
/// </summary>
public sealed class ResultFinalizedHandler : IResultEventHandler<LabResultFinalized>
{
    private readonly IBackgroundJobClient _jobs;
    private readonly IOptions<PortalReleaseOptions> _options;
    private readonly ILogger<ResultFinalizedHandler> _logger;

    public ResultFinalizedHandler(IBackgroundJobClient jobs, IOptions<PortalReleaseOptions> options, ILogger<ResultFinalizedHandler> logger)
    {
        _jobs = jobs;
        _options = options;
        _logger = logger;
    }

    public Task HandleAsync(LabResultFinalized message, CancellationToken ct)
    {
        var hold = TimeSpan.FromHours(_options.Value.LabResultHoldHours);

        var jobId = _jobs.Schedule<PortalPublicationJob>(
            job => job.PublishAsync(message.DiagnosticReportId, CancellationToken.None),
            hold);

        _logger.LogInformation(
            "Report {ReportId} finalized at {FinalizedAt}; portal publication job {JobId} in {Hold}",
            message.DiagnosticReportId, message.FinalizedAt, jobId, hold);

        return Task.CompletedTask;
    }
}
