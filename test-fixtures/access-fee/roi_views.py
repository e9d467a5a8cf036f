from decimal import Decimal

import stripe
from django.http import FileResponse, JsonResponse
from django.views.decorators.http import require_POST

# ruleid: access-fee
ROI_PROCESSING_FEE = Decimal("25.00")
# ok: access-fee
PAPER_COPY_FEE_PER_PAGE = Decimal("0.10")
# ok: access-fee
PATIENT_PORTAL_DOWNLOAD_FEE = Decimal("0")


@require_POST
def fulfil_records_request(request, request_id):
    records_request = RecordsRequest.objects.get(pk=request_id)
    # ruleid: access-fee
    stripe.PaymentIntent.create(amount=int(ROI_PROCESSING_FEE * 100), currency="usd", customer=records_request.requester_customer_id, confirm=True)
    return JsonResponse(records_request.fulfil())


@require_POST
def pay_bill(request, statement_id):
    # ok: access-fee
    intent = stripe.PaymentIntent.create(amount=request.POST["amount_cents"], currency="usd")
    return JsonResponse({"client_secret": intent.client_secret})


def my_records_export(request):
    # ruleid: access-fee
    if not request.user.patient.has_paid_export_fee:
        return JsonResponse({"error": "payment required"}, status=402)
    return FileResponse(build_export(request.user.patient))


def build_export(patient):
    return open(f"/exports/{patient.id}.zip", "rb")


class RecordsRequest:
    objects = None
