"""Which delivery channels we offer, by who is asking."""
from .constants import DeliveryChannel, RequesterType

_PATIENT_CHANNELS = [
    DeliveryChannel.PORTAL,
    DeliveryChannel.FHIR_API,
    DeliveryChannel.DIRECT,
    DeliveryChannel.SECURE_EMAIL,
    DeliveryChannel.POSTAL_MAIL,
]


def channels_for_requester(requester_type: RequesterType) -> list[DeliveryChannel]:
    """Return the delivery channels a requester of this type may choose from."""
    if requester_type in (RequesterType.PATIENT, RequesterType.PERSONAL_REPRESENTATIVE):
        return list(_PATIENT_CHANNELS)
    if requester_type is RequesterType.OUTSIDE_PROVIDER:
        return [DeliveryChannel.FAX]
    if requester_type is RequesterType.PAYER:
        return [DeliveryChannel.DIRECT, DeliveryChannel.SECURE_EMAIL]
    return [DeliveryChannel.SECURE_EMAIL, DeliveryChannel.POSTAL_MAIL]


def is_channel_allowed(requester_type: RequesterType, channel: DeliveryChannel) -> bool:
    return channel in channels_for_requester(requester_type)
