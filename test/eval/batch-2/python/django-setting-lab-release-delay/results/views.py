from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from rest_framework.generics import ListAPIView

from .models import LabResult
from .serializers import LabResultSerializer


class MyLabResults(ListAPIView):
    serializer_class = LabResultSerializer

    def get_queryset(self):
        cutoff = timezone.now() - timedelta(hours=settings.LAB_RESULT_RELEASE_DELAY_HOURS)
        return LabResult.objects.filter(patient=self.request.user.patient, finalized_at__lte=cutoff)
