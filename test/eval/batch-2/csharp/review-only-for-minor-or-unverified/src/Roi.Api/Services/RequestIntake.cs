namespace Roi.Api.Services;

public class RequestIntake
{
    private readonly IReviewQueue _review;
    private readonly IFulfilment _fulfilment;

    public RequestIntake(IReviewQueue review, IFulfilment fulfilment)
    {
        _review = review;
        _fulfilment = fulfilment;
    }

    public Task IntakeAsync(RecordsRequest request, PatientIdentity identity) =>
        !identity.Verified || identity.IsMinor
            ? _review.QueueForManualReviewAsync(request, identity.IsMinor ? "minor-record" : "identity-unverified")
            : _fulfilment.StartAsync(request);
}
