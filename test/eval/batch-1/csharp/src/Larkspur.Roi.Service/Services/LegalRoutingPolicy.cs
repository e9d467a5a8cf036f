using System.Threading;
using System.Threading.Tasks;
using Larkspur.Roi.Service.Domain;
using Larkspur.Roi.Service.Legal;

namespace Larkspur.Roi.Service.Services;

/// <summary>
/// Decides whether an incoming request needs counsel. Routine patient, provider and payer requests never do;
/// subpoenas, court orders and requests for litigation files are the exceptions.
/// </summary>
public sealed class LegalRoutingPolicy
{
    private readonly ILegalReviewQueue _legal;
    private readonly IFulfilmentPipeline _fulfilment;

    public LegalRoutingPolicy(ILegalReviewQueue legal, IFulfilmentPipeline fulfilment)
    {
        _legal = legal;
        _fulfilment = fulfilment;
    }

    public async Task RouteAsync(RoiRequest request, CancellationToken ct)
    {
        var needsCounsel = request.Purpose == RequestPurpose.Subpoena
            || request.Purpose == RequestPurpose.CourtOrder
            || request.Purpose == RequestPurpose.Litigation
            || request.HasSubpoenaAttached;

        if (needsCounsel)
        {
            request.Status = RoiStatus.LegalReview;
            await _legal.RouteToLegalAsync(request.Id, ct);
            return;
        }

        request.Status = RoiStatus.InFulfilment;
        await _fulfilment.StartAsync(request.Id, ct);
    }
}
