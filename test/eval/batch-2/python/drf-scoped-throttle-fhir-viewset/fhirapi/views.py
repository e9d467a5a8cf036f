from rest_framework import viewsets
from rest_framework.throttling import ScopedRateThrottle

from .models import FhirResource
from .serializers import FhirResourceSerializer


class ObservationViewSet(viewsets.ReadOnlyModelViewSet):
    """/fhir/r4/Observation"""

    serializer_class = FhirResourceSerializer
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "fhir"

    def get_queryset(self):
        return FhirResource.objects.filter(resource_type="Observation", patient_id=self.request.auth["patient"])
