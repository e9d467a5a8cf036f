namespace Utilization;

public class PriorAuthService
{
    private readonly IPriorAuthRepository _repo;

    public PriorAuthService(IPriorAuthRepository repo) => _repo = repo;

    public Task<PriorAuthRequest> SubmitAsync(PriorAuthRequest request)
    {
        request.Status = PriorAuthStatus.PendingReview;
        return _repo.AddAsync(request);
    }
}
