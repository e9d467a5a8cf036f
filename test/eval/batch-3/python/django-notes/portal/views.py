from django.http import JsonResponse
from clinical.models import ClinicalNote

HIDDEN_NOTE_TYPES = ("progress-note", "consult-note", "discharge-summary")


def patient_notes(request):
    notes = ClinicalNote.objects.filter(patient=request.user.patient).exclude(note_type__in=HIDDEN_NOTE_TYPES)
    return JsonResponse({"notes": [n.as_fhir() for n in notes]})
