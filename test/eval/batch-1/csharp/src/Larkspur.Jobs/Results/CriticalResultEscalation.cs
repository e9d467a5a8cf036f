using System;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Larkspur.Jobs.Results.Messages;
using Microsoft.Extensions.Logging;

namespace Larkspur.Jobs.Results;

/// <summary>
/// Critical-value call-back workflow: the lab calls the ordering provider; if nobody acknowledges the call
/// within 30 minutes, the charge nurse and the on-call physician are paged. Portal release is not involved.
/// </summary>
public sealed class CriticalResultEscalation
{
    private static readonly TimeSpan AcknowledgementWindow = TimeSpan.FromMinutes(30);

    private readonly IBackgroundJobClient _jobs;
    private readonly ICriticalCallLog _calls;
    private readonly IPagingService _paging;
    private readonly ILogger<CriticalResultEscalation> _logger;

    public CriticalResultEscalation(IBackgroundJobClient jobs, ICriticalCallLog calls, IPagingService paging, ILogger<CriticalResultEscalation> logger)
    {
        _jobs = jobs;
        _calls = calls;
        _paging = paging;
        _logger = logger;
    }

    public void OnCriticalValue(CriticalValueReported message)
    {
        _jobs.Schedule<CriticalResultEscalation>(
            x => x.EscalateIfUnacknowledgedAsync(message.ResultId, CancellationToken.None),
            AcknowledgementWindow);
    }

    [AutomaticRetry(Attempts = 2)]
    public async Task EscalateIfUnacknowledgedAsync(string resultId, CancellationToken ct)
    {
        var call = await _calls.FindAsync(resultId, ct);
        if (call is null || call.AcknowledgedAt is not null)
        {
            return;
        }

        _logger.LogWarning("Critical result {ResultId} unacknowledged after {Window}; escalating", resultId, AcknowledgementWindow);
        await _paging.PageAsync(call.Unit.ChargeNursePager, $"Critical result {resultId} not acknowledged", ct);
        await _paging.PageAsync(call.Unit.OnCallPhysicianPager, $"Critical result {resultId} not acknowledged", ct);
    }
}
