using Microsoft.Extensions.Options;

namespace Portal.Api.Services;

public sealed class PortalOptions
{
    public int LabResultReleaseDelayHours { get; set; }
    public int SessionMinutes { get; set; }
}

public class ResultsVisibility
{
    private readonly PortalOptions _options;

    public ResultsVisibility(IOptions<PortalOptions> options) => _options = options.Value;

    public IEnumerable<LabResult> Visible(IEnumerable<LabResult> results) =>
        results.Where(r => r.FinalizedAt <= DateTimeOffset.UtcNow.AddHours(-_options.LabResultReleaseDelayHours));
}
