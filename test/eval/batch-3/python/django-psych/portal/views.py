from django.http import JsonResponse
from clinical.models import ClinicalNote


def patient_notes(request):
    # psychotherapy notes are not part of the designated record set
    notes = ClinicalNote.objects.filter(patient=request.user.patient).exclude(note_type="psychotherapy-note")
    return JsonResponse({"notes": [n.as_fhir() for n in notes]})
