from rest_framework.generics import ListAPIView

from .constants import MAX_PAGE_SIZE, PATIENT_APP_HIDDEN_TYPES
from .models import StoredResource
from .serializers import StoredResourceSerializer


class PatientResourceList(ListAPIView):
    """GET /api/patient-app/resources"""

    serializer_class = StoredResourceSerializer

    def get_queryset(self):
        return (
            StoredResource.objects.filter(patient_id=self.request.auth["patient"])
            .exclude(resource_type__in=PATIENT_APP_HIDDEN_TYPES)
            .order_by("-last_updated")[:MAX_PAGE_SIZE]
        )
