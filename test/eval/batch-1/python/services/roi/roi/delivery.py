"""Dispatch of release packets to outside providers."""
import logging

from .constants import OUTBOUND_PROVIDER_CHANNELS, MAX_PAGES_PER_FAX_JOB, DeliveryChannel
from .packets import build_packet
from .transports import fax_transport, mail_room

log = logging.getLogger(__name__)


class UnsupportedChannel(ValueError):
    pass


def resolve_provider_channel(requested: str | None) -> DeliveryChannel:
    """Pick the channel for a provider-to-provider records request."""
    channel = DeliveryChannel(requested) if requested else DeliveryChannel.FAX
    if channel not in OUTBOUND_PROVIDER_CHANNELS:
        raise UnsupportedChannel(
            f"{channel.value} is not available for provider requests; "
            f"choose one of {sorted(c.value for c in OUTBOUND_PROVIDER_CHANNELS)}"
        )
    return channel


def dispatch_provider_request(release_request) -> str:
    channel = resolve_provider_channel(release_request.requested_channel)
    packet = build_packet(release_request)
    log.info("dispatching ROI %s via %s (%d pages)", release_request.id, channel.value, packet.page_count)

    if channel is DeliveryChannel.FAX:
        for chunk in packet.chunks(MAX_PAGES_PER_FAX_JOB):
            fax_transport.send(to=release_request.recipient_fax, document=chunk)
    else:
        mail_room.enqueue(address=release_request.recipient_address, document=packet)

    release_request.mark_sent(channel=channel.value)
    return channel.value
