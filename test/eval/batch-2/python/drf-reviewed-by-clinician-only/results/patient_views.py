from rest_framework import viewsets

from .models import LabResult
from .serializers import LabResultSerializer


class PatientResultsViewSet(viewsets.ReadOnlyModelViewSet):
    """/portal/api/results"""

    serializer_class = LabResultSerializer

    def get_queryset(self):
        return LabResult.objects.filter(patient=self.request.user.patient, reviewed_by_clinician=True)
