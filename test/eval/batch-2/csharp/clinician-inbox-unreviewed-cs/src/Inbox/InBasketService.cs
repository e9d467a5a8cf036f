namespace Inbox;

public class InBasketService
{
    private readonly IResultRepository _results;

    public InBasketService(IResultRepository results) => _results = results;

    /// <summary>Results waiting for the ordering clinician's sign-off in their in-basket.</summary>
    public async Task<List<LabResult>> PendingSignOffAsync(string clinicianId) =>
        (await _results.OrderedByAsync(clinicianId)).Where(r => !r.ReviewedByProvider).ToList();
}
