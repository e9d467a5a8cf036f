"""Django settings for the Bayview SMART on FHIR authorization server (django-oauth-toolkit)."""
from datetime import timedelta

OAUTH2_PROVIDER = {
    "SCOPES": {
        "launch/patient": "Launch with a patient in context",
        "patient/*.read": "Read the patient's record",
        "offline_access": "Stay connected",
    },
    # ok: app-access-restriction
    "ACCESS_TOKEN_EXPIRE_SECONDS": 3600,
    # ruleid: app-access-restriction
    "REFRESH_TOKEN_EXPIRE_SECONDS": 24 * 3600,
}

SIMPLE_JWT = {
    # Staff web login; not the OAuth server apps use.
    # ok: app-access-restriction
    "REFRESH_TOKEN_LIFETIME": timedelta(days=1),
}

# ruleid: app-access-restriction
OIDC_DYNAMIC_CLIENT_REGISTRATION = False

VETTED_PUBLISHERS = ["bayview-labs", "bayview-mobile"]


def register_client(request):
    """POST /oauth/register: RFC 7591 dynamic client registration."""
    metadata = request.json()
    # ruleid: app-access-restriction
    if metadata.get("software_publisher") not in VETTED_PUBLISHERS:
        return JsonResponse({"error": "unapproved_software_statement"}, status=400)
    # ok: app-access-restriction
    if not verify_software_statement(metadata.get("software_statement")):
        return JsonResponse({"error": "invalid_software_statement"}, status=400)
    return JsonResponse(create_client(metadata), status=201)
