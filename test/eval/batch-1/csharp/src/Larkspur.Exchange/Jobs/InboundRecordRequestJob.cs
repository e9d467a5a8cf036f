using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Larkspur.Exchange.Requests;
using Microsoft.Extensions.Logging;

namespace Larkspur.Exchange.Jobs;

/// <summary>
/// Processes provider-to-provider record requests received over the HIE query interface.
/// </summary>
public sealed class InboundRecordRequestJob
{
    private readonly IInboundRequestStore _store;
    private readonly INetworkDirectory _network;
    private readonly IBackgroundJobClient _jobs;
    private readonly ILogger<InboundRecordRequestJob> _logger;

    public InboundRecordRequestJob(IInboundRequestStore store, INetworkDirectory network, IBackgroundJobClient jobs, ILogger<InboundRecordRequestJob> logger)
    {
        _store = store;
        _network = network;
        _jobs = jobs;
        _logger = logger;
    }

    [Queue("exchange")]
    public async Task ProcessAsync(string requestId, CancellationToken ct)
    {
        var request = await _store.GetAsync(requestId, ct);

        if (await _network.IsAffiliateAsync(request.RequestingOrganizationOid, ct))
        {
            _jobs.Enqueue<RecordResponder>(r => r.RespondAsync(requestId, CancellationToken.None));
            return;
        }

        // Organizations outside the Larkspur network: the privacy committee looks at each one at its weekly meeting.
        request.Status = InboundRequestStatus.AwaitingCommitteeReview;
        await _store.SaveAsync(request, ct);
        _jobs.Enqueue<PrivacyCommitteeDocket>(d => d.AddAsync(requestId, CancellationToken.None));

        _logger.LogInformation("Request {RequestId} from {Org} placed on the committee docket", requestId, request.RequestingOrganizationOid);
    }
}
