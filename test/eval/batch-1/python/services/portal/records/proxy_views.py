"""Proxy (caregiver) access to a patient's visit summaries."""
import logging

from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .models import ProxyGrant, VisitSummary
from .serializers_summary import VisitSummarySerializer

logger = logging.getLogger(__name__)


@api_view(["GET"])
@permission_classes([IsAuthenticated])
def proxy_visit_summaries(request, patient_id: int):
    grant = ProxyGrant.objects.get(proxy=request.user, patient_id=patient_id, active=True)
    if grant.patient_excluded_visit_summaries:
        # ehi-exception: privacy
        #   reason: The patient turned off visit-summary sharing for this proxy in Sharing settings
        #   sub-exception: individual-request
        #   owner: him-department
        #   review-by: 2027-06-30
        raise PermissionDenied("Visit summaries are not available for this patient.")
    summaries = VisitSummary.objects.filter(patient_id=patient_id).order_by("-visit_date")[:50]
    return Response(VisitSummarySerializer(summaries, many=True).data)
