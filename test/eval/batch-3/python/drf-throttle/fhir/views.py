from rest_framework import viewsets
from .serializers import ObservationSerializer
from .models import Observation


class ObservationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ObservationSerializer
    throttle_scope = "patient_fhir"

    def get_queryset(self):
        return Observation.objects.filter(patient_id=self.request.user.patient_id)
