using System.Threading;
using System.Threading.Tasks;
using Larkspur.Roi.Service.Delivery;
using Larkspur.Roi.Service.Domain;
using Microsoft.Extensions.Logging;

namespace Larkspur.Roi.Service.Services;

public sealed class RecordsReleaseService
{
    private readonly IReleasePacketBuilder _packets;
    private readonly IChannelSenderFactory _senders;
    private readonly IRoiRequestRepository _requests;
    private readonly ILogger<RecordsReleaseService> _logger;

    public RecordsReleaseService(
        IReleasePacketBuilder packets,
        IChannelSenderFactory senders,
        IRoiRequestRepository requests,
        ILogger<RecordsReleaseService> logger)
    {
        _packets = packets;
        _senders = senders;
        _requests = requests;
        _logger = logger;
    }

    public async Task ReleaseAsync(RoiRequest request, CancellationToken ct)
    {
        var channels = DeliveryChannelPolicy.ChannelsFor(request.Category);

        // Honour the requested channel when the policy offers it, otherwise fall back to the first offered one.
        var channel = DeliveryChannelPolicy.IsOffered(request.Category, request.RequestedChannel)
            ? request.RequestedChannel
            : channels[0];

        var packet = await _packets.BuildAsync(request, ct);
        await _senders.For(channel).SendAsync(request.Recipient, packet, ct);

        request.MarkReleased(channel);
        await _requests.SaveAsync(request, ct);

        _logger.LogInformation("ROI request {RequestId} released via {Channel}", request.Id, channel);
    }
}
