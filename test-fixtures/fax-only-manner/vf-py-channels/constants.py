from enum import Enum


class DeliveryChannel(str, Enum):
    PORTAL = "portal"
    DIRECT = "direct"
    FAX = "fax"
    POSTAL_MAIL = "postal_mail"


class RequesterType(str, Enum):
    PATIENT = "patient"
    OUTSIDE_PROVIDER = "outside_provider"
    PAYER = "payer"


# Channels HIM staff may use when an outside clinic asks for records.
# ruleid: fax-only-manner
OUTBOUND_PROVIDER_CHANNELS = frozenset({DeliveryChannel.FAX, DeliveryChannel.POSTAL_MAIL})

DELIVERY_CHANNELS_BY_REQUESTER = {
    # ok: fax-only-manner
    RequesterType.PATIENT: [DeliveryChannel.PORTAL, DeliveryChannel.DIRECT],
    # ruleid: fax-only-manner
    RequesterType.PAYER: [DeliveryChannel.FAX, DeliveryChannel.POSTAL_MAIL],
}
