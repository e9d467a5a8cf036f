using System.Threading;
using System.Threading.Tasks;
using Larkspur.Roi.Service.Domain;
using Larkspur.Roi.Service.Identity;

namespace Larkspur.Roi.Service.Services;

/// <summary>
/// Intake of patient and personal-representative records requests from the portal and the ROI kiosk.
/// Requests go straight to fulfilment; staff see a request only when something about it needs a person.
/// </summary>
public sealed class RequestIntakeService
{
    private readonly IRoiRequestRepository _requests;
    private readonly IIdentityProofing _proofing;
    private readonly IPatientIndex _patients;
    private readonly IStaffReviewQueue _reviewQueue;
    private readonly IFulfilmentPipeline _fulfilment;

    public RequestIntakeService(
        IRoiRequestRepository requests,
        IIdentityProofing proofing,
        IPatientIndex patients,
        IStaffReviewQueue reviewQueue,
        IFulfilmentPipeline fulfilment)
    {
        _requests = requests;
        _proofing = proofing;
        _patients = patients;
        _reviewQueue = reviewQueue;
        _fulfilment = fulfilment;
    }

    public async Task<RoiStatus> SubmitAsync(RoiRequest request, CancellationToken ct)
    {
        var identity = await _proofing.VerifyAsync(request.RequesterId, ct);
        var patient = await _patients.GetAsync(request.PatientId, ct);

        request.Status = RoiStatus.Received;
        await _requests.AddAsync(request, ct);

        if (!identity.Verified || identity.DemographicMismatch || (patient.IsMinor && request.Category == RequesterCategory.PersonalRepresentative))
        {
            request.Status = RoiStatus.PendingReview;
            await _reviewQueue.AddAsync(request.Id, identity.Verified ? "minor-proxy-check" : "identity-not-verified", ct);
        }
        else
        {
            request.Status = RoiStatus.InFulfilment;
            await _fulfilment.StartAsync(request.Id, ct);
        }

        await _requests.SaveAsync(request, ct);
        return request.Status;
    }
}
