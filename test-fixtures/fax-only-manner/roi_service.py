from enum import Enum

# ruleid: fax-only-manner
RELEASE_CHANNELS = ("fax", "postal_mail")

# ok: fax-only-manner
DELIVERY_OPTIONS = ["fhir_api", "direct", "portal", "fax"]


# ruleid: fax-only-manner
class DeliveryMethod(Enum):
    FAX = "fax"
    PAPER = "paper"


# ok: fax-only-manner
class NotificationChannel(Enum):
    FAX = "fax"
    EMAIL = "email"


def fulfil(request, records):
    # ruleid: fax-only-manner
    if request.requester_type == "third_party":
        fax_client.send_fax(request.fax_number, records)
        return
    # ok: fax-only-manner
    if not request.recipient.direct_address:
        fax_client.send_fax(request.fax_number, records)
        return
    direct_client.send(request.recipient.direct_address, records)


def accept(request):
    # ruleid: fax-only-manner
    if request.delivery_method != "fax":
        raise ValueError("Only fax delivery is available")
