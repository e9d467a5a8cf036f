using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Example.Exchange;

public sealed class HieFeedPipeline
{
    private static readonly string[] HiddenFromPartners = { "DocumentReference", "ImagingStudy" };
    private readonly ILogger<HieFeedPipeline> _logger;

    public HieFeedPipeline(ILogger<HieFeedPipeline> logger) => _logger = logger;

    public Bundle BuildFeed(IEnumerable<Resource> chart)
    {
        var feed = new Bundle { Type = Bundle.BundleType.Collection };
        var skipped = 0;
        foreach (var resource in chart)
        {
            // ruleid: data-class-filter
            if (resource is DocumentReference || resource is Media)
            {
                skipped++;
                continue;
            }
            feed.Entry.Add(new Bundle.EntryComponent { Resource = resource });
        }
        _logger.LogDebug("skipped {Skipped}", skipped);
        return feed;
    }

    public void Route(IEnumerable<Resource> chart)
    {
        foreach (var resource in chart)
        {
            // ok: data-class-filter
            if (resource is Patient patient)
            {
                UpsertPatient(patient);
                continue;
            }
            Store(resource);
        }
    }

    public async Task InvokeAsync(HttpContext context, Bundle bundle)
    {
        // ruleid: data-class-filter
        bundle.Entry.RemoveAll(e => HiddenFromPartners.Contains(e.Resource.TypeName));
        // ok: data-class-filter
        bundle.Entry.RemoveAll(e => e.Resource is OperationOutcome);
        await context.Response.WriteAsync(bundle.ToString());
    }

    public void TrimCapabilities(CapabilityStatement statement)
    {
        // ruleid: data-class-filter
        statement.Rest[0].Resource.RemoveAll(r => !PublishedTypes.Contains(r.Type.ToString()));
    }

    private static readonly HashSet<string> PublishedTypes = new() { "Patient", "Observation", "Condition" };

    public List<Bundle.EntryComponent> WorklistItems(Bundle bundle)
    {
        // A clinician's own result worklist, not what a requestor receives.
        // ok: data-class-filter
        return bundle.Entry.Where(e => new[] { "DiagnosticReport", "Observation" }.Contains(e.Resource.TypeName)).ToList();
    }

    private static void UpsertPatient(Patient patient) { }
    private static void Store(Resource resource) { }
}
