"""Copay and balance payments from the patient portal."""
import stripe
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from billing.models import Appointment, Statement

stripe.api_key = settings.STRIPE_SECRET_KEY


@login_required
@require_POST
def pay_copay(request, appointment_id: int):
    appt = get_object_or_404(Appointment, pk=appointment_id, patient=request.user.patient_profile)
    intent = stripe.PaymentIntent.create(
        amount=int(appt.copay_amount * 100),
        currency="usd",
        statement_descriptor_suffix="COPAY",
        metadata={"appointment_id": appt.pk, "kind": "copay"},
    )
    return JsonResponse({"client_secret": intent.client_secret})


@login_required
@require_POST
def pay_statement(request, statement_id: int):
    statement = get_object_or_404(Statement, pk=statement_id, guarantor=request.user.patient_profile)
    intent = stripe.PaymentIntent.create(
        amount=int(statement.balance_due * 100),
        currency="usd",
        metadata={"statement_id": statement.pk, "kind": "balance"},
    )
    return JsonResponse({"client_secret": intent.client_secret})
