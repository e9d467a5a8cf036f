from rest_framework import generics, permissions

from .models import LabResult
from .serializers import PatientLabResultSerializer


class MyLabResults(generics.ListAPIView):
    """GET /api/portal/me/results/ — results shown on the patient's Results page."""

    serializer_class = PatientLabResultSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        patient = self.request.user.patient_profile
        return (
            LabResult.objects.filter(
                patient=patient,
                status__in=["final", "corrected"],
                reviewed_by_clinician__isnull=False,
            )
            .select_related("order", "performing_lab")
            .order_by("-finalized_at")
        )


class MyLabResultDetail(generics.RetrieveAPIView):
    serializer_class = PatientLabResultSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return LabResult.objects.filter(
            patient=self.request.user.patient_profile,
            reviewed_by_clinician__isnull=False,
        )
