"""Usage metering for the portal's FHIR API, billed monthly to app developers."""
from decimal import Decimal

from django.utils.deprecation import MiddlewareMixin

from developer_billing.usage import record_usage

PRICE_PER_CALL_USD = Decimal("0.004")


class FhirUsageMeteringMiddleware(MiddlewareMixin):
    """Counts each successful /fhir/r4 call against the calling app's developer account."""

    def process_response(self, request, response):
        if not request.path.startswith("/fhir/r4/") or response.status_code >= 400:
            return response
        token = getattr(request, "auth", None)
        application = getattr(token, "application", None)
        if application is not None:
            record_usage(
                developer_account_id=application.user_id,
                client_id=application.client_id,
                units=1,
                unit_price=PRICE_PER_CALL_USD,
                resource_type=request.path.split("/")[3] if request.path.count("/") >= 3 else None,
            )
        return response
