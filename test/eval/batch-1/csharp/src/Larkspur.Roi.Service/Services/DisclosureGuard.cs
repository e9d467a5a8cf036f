using System;
using Larkspur.Roi.Service.Domain;

namespace Larkspur.Roi.Service.Services;

public sealed class DisclosureRefusedException : Exception
{
    public DisclosureRefusedException(string message) : base(message)
    {
    }
}

/// <summary>
/// Last check before a release packet leaves HIM. The exception message is shown to the requester on the
/// status page and in the letter the ROI desk sends.
/// </summary>
public static class DisclosureGuard
{
    public static void EnsureReleasable(RoiRequest request, ReleasePacket packet)
    {
        if (packet.ContainsSensitiveSections && request.Category != RequesterCategory.Patient)
        {
            throw new DisclosureRefusedException("Release blocked per HIPAA regulations.");
        }

        if (packet.PageCount == 0)
        {
            throw new InvalidOperationException($"Packet for request {request.Id} is empty");
        }
    }
}
