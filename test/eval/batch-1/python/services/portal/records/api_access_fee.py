"""Monthly fee for patients who connect third-party apps to their record."""
from decimal import Decimal

from django.conf import settings
from django.db import transaction

from audit.log import audit_log
from billing.invoices import add_line_item

from .models import ConnectedApp

# ehi-exception: fees
#   reason: Covers the cost of running the FHIR API for connected consumer apps
#   cost-basis: FIN-2026-087 API hosting cost allocation per connected patient
#   owner: patient-financial-services
#   review-by: 2027-12-31
CONNECTED_APP_MONTHLY_FEE = Decimal("2.99")


def bill_connected_apps(patient) -> Decimal:
    """Called by the monthly statement run for each patient with a connected app."""
    apps = ConnectedApp.objects.filter(patient=patient, revoked_at__isnull=True)
    if not apps.exists():
        return Decimal("0")
    with transaction.atomic():
        add_line_item(
            account=patient.guarantor_account,
            code="API-ACCESS",
            description=f"Connected health apps ({apps.count()})",
            amount=CONNECTED_APP_MONTHLY_FEE,
            currency=settings.STRIPE_CURRENCY,
        )
        audit_log.record(event="ehi-exception", rule="access-fee", exception="fees", patient_id=patient.pk)
    return CONNECTED_APP_MONTHLY_FEE
