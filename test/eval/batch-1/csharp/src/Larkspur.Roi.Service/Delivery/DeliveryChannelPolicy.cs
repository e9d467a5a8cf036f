using System;
using System.Collections.Generic;
using Larkspur.Roi.Service.Domain;

namespace Larkspur.Roi.Service.Delivery;

/// <summary>
/// Decides which delivery channels the release-of-information desk offers to a requester.
/// Used by the intake screen and by <see cref="Services.RecordsReleaseService"/> when a packet is sent.
/// </summary>
public static class DeliveryChannelPolicy
{
    private static readonly IReadOnlyList<ReleaseChannel> PatientChannels = new[]
    {
        ReleaseChannel.PortalDownload,
        ReleaseChannel.SecureEmail,
        ReleaseChannel.FhirApi,
    };

    // Outside offices get hard copies: HIM does not want to maintain Direct trust anchors per practice.
    private static readonly IReadOnlyList<ReleaseChannel> OutsideOfficeChannels = new[]
    {
        ReleaseChannel.Fax,
        ReleaseChannel.FirstClassMail,
    };

    public static IReadOnlyList<ReleaseChannel> ChannelsFor(RequesterCategory category) => category switch
    {
        RequesterCategory.Patient or RequesterCategory.PersonalRepresentative => PatientChannels,
        RequesterCategory.OutsideProvider or RequesterCategory.Payer => OutsideOfficeChannels,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown requester category"),
    };

    public static bool IsOffered(RequesterCategory category, ReleaseChannel channel)
    {
        foreach (var offered in ChannelsFor(category))
        {
            if (offered == channel)
            {
                return true;
            }
        }

        return false;
    }
}
