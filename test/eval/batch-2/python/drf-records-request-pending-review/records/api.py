from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.response import Response

from .models import RecordsRequest


@api_view(["POST"])
def create_records_request(request):
    rr = RecordsRequest.objects.create(
        patient=request.user.patient,
        scope=request.data.get("scope", "all"),
        status=RecordsRequest.Status.PENDING_REVIEW,
    )
    return Response({"id": rr.pk, "status": rr.status}, status=status.HTTP_202_ACCEPTED)
