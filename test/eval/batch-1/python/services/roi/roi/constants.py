"""Shared constants for the release-of-information (ROI) service."""
from enum import Enum


class DeliveryChannel(str, Enum):
    PORTAL = "portal"
    DIRECT = "direct"
    FHIR_API = "fhir_api"
    SECURE_EMAIL = "secure_email"
    FAX = "fax"
    POSTAL_MAIL = "postal_mail"
    PICKUP = "pickup"


class RequesterType(str, Enum):
    PATIENT = "patient"
    PERSONAL_REPRESENTATIVE = "personal_representative"
    OUTSIDE_PROVIDER = "outside_provider"
    PAYER = "payer"
    ATTORNEY = "attorney"


# Channels HIM staff may use when an outside clinic or hospital asks for
# records for continuity of care.
OUTBOUND_PROVIDER_CHANNELS = frozenset({DeliveryChannel.FAX, DeliveryChannel.POSTAL_MAIL})

# How long a generated release packet stays downloadable from the staff UI.
PACKET_LINK_TTL_MINUTES = 30

MAX_PAGES_PER_FAX_JOB = 250
