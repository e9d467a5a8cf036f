using System;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Results.Worker.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Larkspur.Results.Worker;

/// <summary>
/// Pushes finalized lab and pathology results from the results store into the patient portal every ten minutes.
/// </summary>
public sealed class PortalSyncWorker : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(10);

    private readonly IResultsStore _store;
    private readonly IPortalPublisher _portal;
    private readonly ILogger<PortalSyncWorker> _logger;

    public PortalSyncWorker(IResultsStore store, IPortalPublisher portal, ILogger<PortalSyncWorker> logger)
    {
        _store = store;
        _portal = portal;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        do
        {
            var pending = await _store.GetUnpublishedFinalResultsAsync(stoppingToken);

            foreach (var result in pending)
            {
                // Only results the ordering provider has signed off in their inbox go to the portal.
                if (result.AcknowledgedByOrderingProviderAt is null)
                {
                    continue;
                }

                await _portal.PublishAsync(result, stoppingToken);
                await _store.MarkPublishedAsync(result.Id, DateTimeOffset.UtcNow, stoppingToken);
            }

            _logger.LogDebug("Portal sync pass complete: {Count} candidates", pending.Count);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
