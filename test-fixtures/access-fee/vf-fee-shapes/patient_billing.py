"""Patient billing: charges for clinical services, and the records export API."""
from decimal import Decimal

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .payments import billing

# ok: access-fee
CLAIM_CHARGE_AMOUNT = Decimal("125.00")
# ok: access-fee
OFFICE_VISIT_FEE = 150
# ok: access-fee
LAB_PANEL_PRICE = 45
# ok: access-fee
RECORDS_RETRIEVAL_FEE = 0
# ruleid: access-fee
PATIENT_API_EXPORT_FEE_PER_RECORD = Decimal("0.50")


@require_GET
def fhir_patient_export(request, patient_id):
    # ruleid: access-fee
    billing.charge_per_record(request.user, PATIENT_API_EXPORT_FEE_PER_RECORD)
    return JsonResponse({"status": "accepted"})


@require_GET
def visit_balance(request, visit_id):
    # ok: access-fee
    billing.charge_copay(request.user, visit_id)
    return JsonResponse({"status": "paid"})


# Our own costs and services beside access to records.
# ok: access-fee
FHIR_SERVER_HOSTING_PRICE = 500
# ok: access-fee
CHART_REVIEW_FEE = 75
# ok: access-fee
DISABILITY_FORM_FEE = 25
# ok: access-fee
MEDICATION_PRICE_PER_UNIT = 3.5
