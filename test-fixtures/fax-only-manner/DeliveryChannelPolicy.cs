using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace Example.Roi.Delivery;

public enum ReleaseChannel
{
    PortalDownload,
    SecureEmail,
    FhirApi,
    Fax,
    FirstClassMail,
}

public enum RequestedDelivery
{
    DirectMessage,
    Fax,
    PatientPortal,
    CertifiedMail,
    SecureEmail,
}

public enum ArchiveChannel
{
    Fax,
    Mail,
}

public static class DeliveryChannelPolicy
{
    private static readonly IReadOnlyList<ReleaseChannel> PatientChannels = new[] { ReleaseChannel.PortalDownload, ReleaseChannel.FhirApi };

    // Reported where the policy uses it for a requester class.
    // ok: fax-only-manner
    private static readonly IReadOnlyList<ReleaseChannel> OutsideOfficeChannels = new[] { ReleaseChannel.Fax, ReleaseChannel.FirstClassMail };

    // ruleid: fax-only-manner
    private static readonly ArchiveChannel[] ArchiveChannels = { ArchiveChannel.Fax, ArchiveChannel.Mail };

    public static IReadOnlyList<ReleaseChannel> ChannelsFor(RequesterCategory category) => category switch
    {
        // ok: fax-only-manner
        RequesterCategory.Patient or RequesterCategory.PersonalRepresentative => PatientChannels,
        // ruleid: fax-only-manner
        RequesterCategory.OutsideProvider or RequesterCategory.Payer => OutsideOfficeChannels,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static IResult Accept(RecordsRequest req)
    {
        // ruleid: fax-only-manner
        if (req.Delivery is RequestedDelivery.DirectMessage or RequestedDelivery.SecureEmail or RequestedDelivery.PatientPortal)
        {
            return Results.UnprocessableEntity(new { error = "Records can be sent by fax or mail only" });
        }
        // E-mail is refused; Direct and the portal remain.
        // ok: fax-only-manner
        if (req.Delivery is RequestedDelivery.SecureEmail)
        {
            return Results.UnprocessableEntity(new { error = "Choose Direct or the portal" });
        }
        return Results.Accepted();
    }

    public static ArchiveChannel FirstArchiveChannel() => ArchiveChannels[0];
}
