from typing import Literal

from django.db import models

from .constants import OUTBOUND_PROVIDER_CHANNELS, DeliveryChannel, RequesterType

_PATIENT_CHANNELS = [DeliveryChannel.PORTAL, DeliveryChannel.DIRECT, DeliveryChannel.POSTAL_MAIL]


class UnsupportedChannel(ValueError):
    pass


def resolve_provider_channel(channel: DeliveryChannel) -> DeliveryChannel:
    # Reported where the list is defined (constants.py).
    # ok: fax-only-manner
    if channel not in OUTBOUND_PROVIDER_CHANNELS:
        raise UnsupportedChannel(f"{channel.value} is not available for provider requests")
    return channel


def channels_for_requester(requester_type: RequesterType) -> list:
    # ok: fax-only-manner
    if requester_type is RequesterType.PATIENT:
        return list(_PATIENT_CHANNELS)
    # ruleid: fax-only-manner
    if requester_type is RequesterType.OUTSIDE_PROVIDER:
        return [DeliveryChannel.FAX]
    return [DeliveryChannel.DIRECT, DeliveryChannel.POSTAL_MAIL]


def deliver_to_attorney(release_request, packet) -> str:
    # ruleid: fax-only-manner
    if release_request.recipient.get("fax_number"):
        fax_transport.send(to=release_request.recipient["fax_number"], document=packet.as_pdf())
        return "fax"
    else:
        mail_room.enqueue(address=release_request.recipient["address"], document=packet.as_pdf())
        return "mail"


def transmit_packet(release_request, packet) -> str:
    recipient = release_request.recipient
    if recipient.get("direct_address"):
        try:
            direct_client.send(to=recipient["direct_address"], attachments=[packet.as_ccda()])
            return "direct"
        except direct_client.DirectSendError:
            pass
    # Fax only after the Direct attempt failed or when there is no Direct address.
    # ok: fax-only-manner
    if recipient.get("fax_number"):
        fax_transport.send(to=recipient["fax_number"], document=packet.as_pdf())
        return "fax"
    raise RuntimeError("no working delivery route")


def request_copy(
    # ruleid: fax-only-manner
    delivery_method: Literal["fax", "certified_mail"],
    # ok: fax-only-manner
    return_delivery_method: Literal["fax", "direct", "portal"],
) -> None:
    pass


class RecordsRequest(models.Model):
    # ruleid: fax-only-manner
    delivery_method = models.CharField(max_length=20, choices=[("fax", "Fax"), ("mail", "Postal mail")])
    # ok: fax-only-manner
    return_delivery_method = models.CharField(max_length=20, choices=[("fax", "Fax"), ("direct", "Direct"), ("portal", "Portal")])


# Reported at the check below, which applies it.
# ok: fax-only-manner
ALLOWED_RELEASE_METHODS = ["fax", "mail"]


def validate_request(data):
    # ruleid: fax-only-manner
    if data["delivery_method"] not in ALLOWED_RELEASE_METHODS:
        raise ValueError("Unsupported delivery method")
