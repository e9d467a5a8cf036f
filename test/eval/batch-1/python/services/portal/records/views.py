from django.db import transaction
from rest_framework import status, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .access_serializers import AccessRequestSerializer
from .models import AccessRequest, AccessRequestStatus
from .notifications import notify_him_team


class AccessRequestViewSet(viewsets.ModelViewSet):
    """Patients ask for a copy of their records from the portal."""

    serializer_class = AccessRequestSerializer
    permission_classes = [IsAuthenticated]
    http_method_names = ["get", "post"]

    def get_queryset(self):
        return AccessRequest.objects.filter(patient=self.request.user.patient_profile)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            access_request = serializer.save(
                patient=request.user.patient_profile,
                status=AccessRequestStatus.PENDING_REVIEW,
            )
        notify_him_team(access_request)
        return Response(self.get_serializer(access_request).data, status=status.HTTP_202_ACCEPTED)
