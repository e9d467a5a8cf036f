using System;
using System.Collections.Generic;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;

namespace Larkspur.Exchange.Feeds;

/// <summary>
/// Builds the nightly document feed that is pushed to the regional HIE for every patient seen that day.
/// </summary>
public sealed class CcdFeedBuilder
{
    private readonly ILogger<CcdFeedBuilder> _logger;

    public CcdFeedBuilder(ILogger<CcdFeedBuilder> logger) => _logger = logger;

    public Bundle Build(Patient patient, IEnumerable<Resource> chart)
    {
        var feed = new Bundle
        {
            Type = Bundle.BundleType.Collection,
            Timestamp = DateTimeOffset.UtcNow,
            Identifier = new Identifier("urn:larkspur:hie-feed", Guid.NewGuid().ToString()),
        };

        feed.Entry.Add(new Bundle.EntryComponent { FullUrl = $"urn:uuid:{patient.Id}", Resource = patient });

        var skipped = 0;
        foreach (var resource in chart)
        {
            // Clinical notes and scanned documents make the feed too large for the HIE's intake; leave them out.
            if (resource is DocumentReference || resource is Media)
            {
                skipped++;
                continue;
            }

            feed.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"urn:uuid:{resource.Id}",
                Resource = resource,
            });
        }

        _logger.LogDebug("HIE feed for {PatientId}: {Count} entries, {Skipped} skipped", patient.Id, feed.Entry.Count, skipped);
        return feed;
    }
}
