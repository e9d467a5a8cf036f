"""Builds the list of delivery options shown on the records-request form."""
from dataclasses import dataclass


@dataclass(frozen=True)
class DeliveryOption:
    code: str
    label: str
    electronic: bool


RECORDS_DELIVERY_OPTIONS = (
    DeliveryOption("fhir_api", "Send to an app I use (FHIR API)", True),
    DeliveryOption("direct", "Direct secure message to my provider", True),
    DeliveryOption("portal", "Download from the patient portal (C-CDA or PDF)", True),
    DeliveryOption("fax", "Fax", False),
    DeliveryOption("mail", "Paper copy by mail", False),
)


def delivery_options(include_paper: bool = True) -> list[dict]:
    """Options offered to every requester; paper can be hidden for kiosk flows."""
    options = [o for o in RECORDS_DELIVERY_OPTIONS if o.electronic or include_paper]
    return [{"code": o.code, "label": o.label, "electronic": o.electronic} for o in options]


def validate_choice(code: str) -> DeliveryOption:
    for option in RECORDS_DELIVERY_OPTIONS:
        if option.code == code:
            return option
    raise ValueError(f"unknown delivery option {code!r}")
