using System.Collections.Generic;

namespace Larkspur.Identity.Smart;

/// <summary>
/// Apps that may launch against the Larkspur SMART on FHIR endpoints.
/// Maintained by the digital front door team; add an app here after the vendor contract is signed.
/// </summary>
public static class ApprovedSmartApps
{
    public static readonly IReadOnlySet<string> ClientIds = new HashSet<string>
    {
        "larkspur-mychart-ios",
        "larkspur-mychart-android",
        "larkspur-portal-web",
        "healthbridge-pro",
    };
}
