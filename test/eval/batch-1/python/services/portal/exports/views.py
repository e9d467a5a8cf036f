"""Single-patient EHI export (170.315(b)(10)) for HIM staff and patients."""
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .jobs import start_patient_export

VENDOR_EXPORT_FORMAT = "application/vnd.meridian.ehi+zip"


class PatientEhiExportView(APIView):
    """POST /api/ehi-export/patients/<patient_id>/ starts an export job."""

    permission_classes = [IsAuthenticated]

    def post(self, request, patient_id: str):
        output_format = request.data.get("_outputFormat", VENDOR_EXPORT_FORMAT)
        if output_format != VENDOR_EXPORT_FORMAT:
            return Response(
                {"detail": f"Unsupported _outputFormat. Use {VENDOR_EXPORT_FORMAT}."},
                status=status.HTTP_400_BAD_REQUEST,
            )
        job = start_patient_export(patient_id=patient_id, output_format=output_format, requested_by=request.user)
        response = Response({"job": job.pk}, status=status.HTTP_202_ACCEPTED)
        response["Content-Location"] = f"/api/ehi-export/jobs/{job.pk}/"
        return response
