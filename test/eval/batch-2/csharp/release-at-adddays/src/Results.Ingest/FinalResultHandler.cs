namespace Results.Ingest;

public class FinalResultHandler
{
    private const int PathologyHoldDays = 3;
    private readonly IResultRepository _results;

    public FinalResultHandler(IResultRepository results) => _results = results;

    public async Task HandleAsync(FinalResultMessage message)
    {
        var stored = new StoredResult
        {
            Id = message.ResultId,
            PatientId = message.PatientId,
            Kind = message.Kind,
            ReleaseAt = message.FinalizedAt.AddDays(PathologyHoldDays),
        };
        await _results.AddAsync(stored);
    }
}
