using System.Collections.Generic;

namespace Larkspur.Patient.Portal.Records;

public enum ReleaseOption
{
    PortalDownload,
    FhirApp,
    DirectMessage,
    SecureEmail,
    Fax,
    Mail,
}

public sealed record ReleaseOptionView(ReleaseOption Option, string Label, bool Electronic);

/// <summary>
/// The "send my records" screen: every requester sees the same list and picks where the records go.
/// </summary>
public sealed class ReleaseOptionsProvider
{
    private static readonly IReadOnlyList<ReleaseOptionView> Options = new List<ReleaseOptionView>
    {
        new(ReleaseOption.PortalDownload, "Download (C-CDA or FHIR JSON)", Electronic: true),
        new(ReleaseOption.FhirApp, "Send to an app I use", Electronic: true),
        new(ReleaseOption.DirectMessage, "Send to my doctor's Direct address", Electronic: true),
        new(ReleaseOption.SecureEmail, "Secure email", Electronic: true),
        new(ReleaseOption.Fax, "Fax", Electronic: false),
        new(ReleaseOption.Mail, "Mail a paper copy", Electronic: false),
    };

    public IReadOnlyList<ReleaseOptionView> GetOptions() => Options;

    public ReleaseOptionView? Find(ReleaseOption option)
    {
        foreach (var candidate in Options)
        {
            if (candidate.Option == option)
            {
                return candidate;
            }
        }

        return null;
    }
}
