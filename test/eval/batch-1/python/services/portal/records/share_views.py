"""Patients share a copy of their records with someone else (family member, new doctor)."""
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import ShareRequest
from .sharing import deliver_share


class ShareRecordsView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        patient = request.user.patient_profile
        recipient_email = request.data.get("recipient_email", "")
        recipient_kind = request.data.get("recipient_kind", "individual")

        if recipient_kind == "individual":
            return Response(
                {"detail": "These records cannot be shared with this recipient due to HIPAA regulations."},
                status=status.HTTP_403_FORBIDDEN,
            )

        share = ShareRequest.objects.create(
            patient=patient,
            recipient_email=recipient_email,
            recipient_kind=recipient_kind,
            sections=request.data.get("sections", ["all"]),
        )
        deliver_share.delay(share.pk)
        return Response({"id": share.pk, "status": "sending"}, status=status.HTTP_202_ACCEPTED)
