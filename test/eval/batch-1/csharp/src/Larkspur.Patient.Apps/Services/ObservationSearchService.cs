using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.Options;

namespace Larkspur.Patient.Apps.Services;

public sealed class ThirdPartyAppOptions
{
    public const string Section = "ThirdPartyApps";

    public string[] HiddenObservationCategories { get; set; } = Array.Empty<string>();
    public int MaxPageSize { get; set; } = 100;
}

/// <summary>
/// Serves GET /fhir/r4/Observation for patient-authorized third-party apps.
/// </summary>
public sealed class ObservationSearchService
{
    private readonly FhirClient _upstream;
    private readonly IOptionsMonitor<ThirdPartyAppOptions> _options;

    public ObservationSearchService(FhirClient upstream, IOptionsMonitor<ThirdPartyAppOptions> options)
    {
        _upstream = upstream;
        _options = options;
    }

    public async Task<Bundle> SearchAsync(string patientId, SearchParams query, CancellationToken ct)
    {
        query.Add("patient", patientId);
        query.LimitTo(Math.Min(query.Count ?? 50, _options.CurrentValue.MaxPageSize));

        var page = await _upstream.SearchAsync<Observation>(query, ct) ?? new Bundle();
        var hidden = _options.CurrentValue.HiddenObservationCategories;

        page.Entry = page.Entry
            .Where(e => e.Resource is not Observation obs
                || !obs.Category.SelectMany(c => c.Coding).Any(code => hidden.Contains(code.Code)))
            .ToList();

        page.Total = page.Entry.Count;
        return page;
    }
}
