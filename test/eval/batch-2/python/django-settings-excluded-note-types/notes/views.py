from django.conf import settings
from rest_framework import viewsets

from .models import ClinicalNote
from .serializers import ClinicalNoteSerializer


class PatientNotesViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ClinicalNoteSerializer

    def get_queryset(self):
        return ClinicalNote.objects.filter(patient=self.request.user.patient, signed=True).exclude(
            loinc_code__in=settings.PORTAL_EXCLUDED_NOTE_TYPES
        )
