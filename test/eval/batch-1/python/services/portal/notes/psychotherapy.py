"""Psychotherapy notes are kept apart from the medical record and are not released through the portal."""
from rest_framework.decorators import api_view
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from .models import ClinicalNote
from .serializers import NoteSerializer


@api_view(["GET"])
def my_note(request, note_id: int):
    note = ClinicalNote.objects.get(pk=note_id, patient=request.user.patient_profile, signed=True)
    if note.note_class == "psychotherapy":
        # Psychotherapy notes (45 CFR 164.501) are not EHI (45 CFR 171.102).
        raise PermissionDenied(
            "Psychotherapy notes are kept separately from your medical record. "
            "Ask your therapist if you would like to discuss them."
        )
    return Response(NoteSerializer(note).data)
