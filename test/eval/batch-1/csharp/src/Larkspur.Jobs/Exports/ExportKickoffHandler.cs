using System;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Larkspur.Jobs.Exports.Model;
using Microsoft.Extensions.Logging;

namespace Larkspur.Jobs.Exports;

/// <summary>
/// Receives Bulk Data kick-off requests ($export) forwarded by the FHIR API and schedules the export job.
/// </summary>
public sealed class ExportKickoffHandler
{
    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private readonly IBackgroundJobClient _jobs;
    private readonly IExportJobRepository _repository;
    private readonly ILogger<ExportKickoffHandler> _logger;

    public ExportKickoffHandler(IBackgroundJobClient jobs, IExportJobRepository repository, ILogger<ExportKickoffHandler> logger)
    {
        _jobs = jobs;
        _repository = repository;
        _logger = logger;
    }

    public async Task<ExportJob> AcceptAsync(ExportKickoff kickoff, CancellationToken ct)
    {
        var job = await _repository.CreateAsync(kickoff, ct);

        // Exports only run in the overnight window, whoever asks and however small the group.
        var runAt = NextOvernightWindow(DateTimeOffset.UtcNow);
        _jobs.Schedule<BulkExportJob>(j => j.RunAsync(job.Id, CancellationToken.None), runAt);

        _logger.LogInformation("Export {JobId} for {Client} scheduled at {RunAt}", job.Id, kickoff.ClientId, runAt);
        return job;
    }

    private static DateTimeOffset NextOvernightWindow(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Eastern);
        var oneAm = new DateTimeOffset(local.Date.AddHours(1), local.Offset);
        return oneAm > local ? oneAm : oneAm.AddDays(1);
    }
}
