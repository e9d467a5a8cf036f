from rest_framework import generics, permissions

from .models import ClinicalDocument
from .serializers import ClinicalDocumentSerializer

# LOINC document types kept off the patient's document list:
# 11506-3 progress note, 18842-5 discharge summary, 34117-2 history and physical.
WITHHELD_NOTE_LOINC = ("11506-3", "18842-5", "34117-2")


class IsPatientOwner(permissions.BasePermission):
    def has_permission(self, request, view):
        return hasattr(request.user, "patient_profile")


class MyDocumentsList(generics.ListAPIView):
    """GET /api/portal/me/documents/"""

    serializer_class = ClinicalDocumentSerializer
    permission_classes = [permissions.IsAuthenticated, IsPatientOwner]

    def get_queryset(self):
        patient = self.request.user.patient_profile
        return (
            ClinicalDocument.objects.filter(patient=patient, status="current")
            .exclude(loinc_type__in=WITHHELD_NOTE_LOINC)
            .order_by("-authored_at")
        )
