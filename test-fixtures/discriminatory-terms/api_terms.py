"""FHIR API terms for the apps that read patient records."""

# ruleid: discriminatory-terms
NON_PARTNER_RATE_LIMIT = "10/minute"
# ok: discriminatory-terms
PATIENT_API_RATE_LIMIT = "600/minute"


def export_priority(client, queue_depth):
    # ruleid: discriminatory-terms
    priority = "high" if client.is_partner else "low"
    return priority


def export_delay(client, queue_depth):
    # ok: discriminatory-terms
    delay = 30 if queue_depth > 1000 else 0
    return delay
