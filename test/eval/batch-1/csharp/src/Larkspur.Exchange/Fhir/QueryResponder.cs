using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Larkspur.Exchange.Requests;
using Task = System.Threading.Tasks.Task;

namespace Larkspur.Exchange.Fhir;

/// <summary>
/// Answers FHIR document queries arriving from the national network gateway.
/// </summary>
public sealed class QueryResponder
{
    private readonly IChartRepository _charts;
    private readonly IPurposeOfUseEvaluator _purpose;

    public QueryResponder(IChartRepository charts, IPurposeOfUseEvaluator purpose)
    {
        _charts = charts;
        _purpose = purpose;
    }

    public async Task<Resource> RespondAsync(NetworkQuery query, CancellationToken ct)
    {
        var purpose = _purpose.Evaluate(query.PurposeOfUse);
        if (purpose != PurposeOfUse.Treatment)
        {
            return new OperationOutcome
            {
                Issue =
                {
                    new OperationOutcome.IssueComponent
                    {
                        Severity = OperationOutcome.IssueSeverity.Error,
                        Code = OperationOutcome.IssueType.Forbidden,
                        Diagnostics = "Records withheld for privacy reasons.",
                    },
                },
            };
        }

        var documents = await _charts.FindDocumentsAsync(query.PatientIdentifier, query.DateRange, ct);
        return new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = documents.Count,
            Entry = documents.Select(d => new Bundle.EntryComponent { Resource = d, FullUrl = $"DocumentReference/{d.Id}" }).ToList(),
        };
    }
}
