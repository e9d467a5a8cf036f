"""Middleware in front of the portal's FHIR API."""
from django.conf import settings
from django.http import JsonResponse


class SmartClientGateMiddleware:
    """Only listed patient apps may use the FHIR API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/fhir/r4/"):
            token = getattr(request, "auth", None)
            client_id = getattr(getattr(token, "application", None), "client_id", None)
            if client_id not in settings.SMART_APP_ALLOWLIST:
                return JsonResponse(
                    {
                        "resourceType": "OperationOutcome",
                        "issue": [{"severity": "error", "code": "forbidden", "diagnostics": "Client not enabled"}],
                    },
                    status=403,
                    content_type="application/fhir+json",
                )
        return self.get_response(request)
