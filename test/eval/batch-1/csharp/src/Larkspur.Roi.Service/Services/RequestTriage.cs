using System;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Roi.Service.Domain;

namespace Larkspur.Roi.Service.Services;

/// <summary>
/// First pass over third-party requests that arrive with a signed patient authorization.
/// </summary>
public sealed class RequestTriage
{
    private readonly IRoiRequestRepository _requests;
    private readonly IFulfilmentPipeline _fulfilment;
    private readonly TimeProvider _clock;

    public RequestTriage(IRoiRequestRepository requests, IFulfilmentPipeline fulfilment, TimeProvider clock)
    {
        _requests = requests;
        _fulfilment = fulfilment;
        _clock = clock;
    }

    public async Task TriageAsync(RoiRequest request, CancellationToken ct)
    {
        if (request.RequesterType == RequesterType.Attorney || request.RequesterType == RequesterType.LitigationSupportVendor)
        {
            request.Status = RoiStatus.Denied;
            request.ClosedAt = _clock.GetUtcNow();
            await _requests.SaveAsync(request, ct);
            return;
        }

        request.Status = RoiStatus.InFulfilment;
        await _requests.SaveAsync(request, ct);
        await _fulfilment.StartAsync(request.Id, ct);
    }
}
