from django.core.exceptions import PermissionDenied
from django.http import JsonResponse

from .models import Consent, Patient, documents_for

# ruleid: consent-precondition
HIE_EXCHANGE_CONSENT_REQUIRED = True

# ok: consent-precondition
HIE_EXCHANGE_BATCH_SIZE = 50


def provider_exchange_documents(request, patient_id):
    patient = Patient.objects.get(pk=patient_id)
    if not patient.consent_on_file:  # ruleid: consent-precondition
        raise PermissionDenied("Consent form required before sharing with outside providers")
    return JsonResponse({"documents": documents_for(patient)})


def provider_exchange_psychotherapy_notes(request, patient_id):
    patient = Patient.objects.get(pk=patient_id)
    # Psychotherapy notes need the patient's authorization (45 CFR 164.508(a)(2)).
    if not patient.psychotherapy_authorization_signed:  # ok: consent-precondition
        raise PermissionDenied("Psychotherapy notes need a signed authorization")
    return JsonResponse({"documents": documents_for(patient, psychotherapy=True)})


def attorney_records_request(request, patient_id):
    patient = Patient.objects.get(pk=patient_id)
    # Disclosure to an attorney requires a HIPAA authorization.
    if not patient.hipaa_authorization_signed:  # ok: consent-precondition
        raise PermissionDenied("A signed authorization under 45 CFR 164.508 is required for attorney requests")
    return JsonResponse({"documents": documents_for(patient)})


def patient_chart(request, patient_id):
    consent = Consent.objects.filter(patient_id=patient_id).first()
    # A missing consent record answered with 404 is a not-found.
    if consent is None:  # ok: consent-precondition
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse({"consent": consent.pk})
