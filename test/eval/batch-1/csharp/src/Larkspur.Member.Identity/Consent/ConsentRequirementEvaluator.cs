using System;
using System.Linq;
using Duende.IdentityServer.Models;
using Microsoft.Extensions.Options;

namespace Larkspur.Member.Identity.Consent;

public sealed class ConsentOptions
{
    public string[] TrustedClientIds { get; set; } = Array.Empty<string>();
    public int RememberConsentDays { get; set; } = 365;
}

/// <summary>
/// Larkspur's own first-party apps skip the consent screen; every other registered app shows it, so the
/// patient approves the scopes the app asked for. No app is turned away here.
/// </summary>
public sealed class ConsentRequirementEvaluator
{
    private readonly IOptionsMonitor<ConsentOptions> _options;

    public ConsentRequirementEvaluator(IOptionsMonitor<ConsentOptions> options) => _options = options;

    public bool ShouldShowConsentScreen(Client client)
    {
        var trusted = _options.CurrentValue.TrustedClientIds.Contains(client.ClientId, StringComparer.Ordinal);
        return !trusted;
    }

    public TimeSpan RememberFor() => TimeSpan.FromDays(_options.CurrentValue.RememberConsentDays);
}
