using System.Linq;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;

namespace Larkspur.Fhir.Facade.Pipeline;

/// <summary>
/// Cleans search bundles coming back from the legacy EHR adapter before they are returned to clients.
/// The adapter appends OperationOutcome entries (search mode "outcome") for every warning it hits;
/// those are surfaced in logs, not in the searchset.
/// </summary>
public sealed class BundleSanitizer
{
    private readonly ILogger<BundleSanitizer> _logger;

    public BundleSanitizer(ILogger<BundleSanitizer> logger) => _logger = logger;

    public Bundle Sanitize(Bundle bundle)
    {
        var outcomes = bundle.Entry
            .Where(e => e.Resource is OperationOutcome)
            .Select(e => (OperationOutcome)e.Resource)
            .ToList();

        foreach (var outcome in outcomes)
        {
            foreach (var issue in outcome.Issue)
            {
                _logger.LogWarning("Adapter issue {Code}: {Diagnostics}", issue.Code, issue.Diagnostics);
            }
        }

        bundle.Entry.RemoveAll(e => e.Resource is OperationOutcome);

        // Drop entries the adapter emitted without a resource (deleted between page fetches).
        bundle.Entry.RemoveAll(e => e.Resource is null);

        if (bundle.Total.HasValue)
        {
            bundle.Total = bundle.Entry.Count(e => e.Search?.Mode == Bundle.SearchEntryMode.Match);
        }

        return bundle;
    }
}
