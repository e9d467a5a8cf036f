"""Full-chart C-CDA download from the patient portal."""
import stripe
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_http_methods

from .ccda import export_full_chart
from .models import ChartDownloadPayment

stripe.api_key = settings.STRIPE_SECRET_KEY


@login_required
@require_http_methods(["POST"])
def start_chart_download(request):
    patient = request.user.patient_profile
    intent = stripe.PaymentIntent.create(
        amount=settings.PORTAL_RECORD_DOWNLOAD_FEE_CENTS,
        currency=settings.STRIPE_CURRENCY,
        metadata={"patient_id": patient.pk, "purpose": "chart-download"},
    )
    ChartDownloadPayment.objects.create(patient=patient, intent_id=intent.id)
    return JsonResponse({"client_secret": intent.client_secret})


@login_required
def chart_download(request, intent_id: str):
    payment = ChartDownloadPayment.objects.get(intent_id=intent_id, patient=request.user.patient_profile)
    if stripe.PaymentIntent.retrieve(payment.intent_id).status != "succeeded":
        return JsonResponse({"error": "payment_required"}, status=402)
    document = export_full_chart(payment.patient)
    response = HttpResponse(document, content_type="application/xml")
    response["Content-Disposition"] = 'attachment; filename="northbay-health-record.xml"'
    return response
