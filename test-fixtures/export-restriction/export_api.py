"""EHI export endpoints of the patient portal backend."""
from fastapi import APIRouter, HTTPException, Query
from flask import Blueprint, jsonify

from .jobs import export_jobs

router = APIRouter(prefix="/fhir")

# ruleid: export-restriction
BULK_EXPORT_ENABLED = False
# ok: export-restriction
BULK_EXPORT_MAX_JOBS = 2

NDJSON = {"application/fhir+ndjson", "application/ndjson", "ndjson"}


@router.get("/$export")
async def system_export():
    # ruleid: export-restriction
    raise HTTPException(status_code=501, detail="System-level export is not supported")


@router.get("/Patient/$export")
async def patient_export(output_format: str = Query("application/fhir+ndjson", alias="_outputFormat")):
    # ok: export-restriction
    if output_format not in NDJSON:
        raise HTTPException(status_code=400, detail="Only NDJSON is produced")
    job = await export_jobs.start(level="patient", output_format=output_format)
    return {"status": job.status_url}


portal = Blueprint("portal", __name__, url_prefix="/portal")


@portal.route("/patients/<pid>/ehi-export", methods=["POST"])
def ehi_export(pid):
    # ruleid: export-restriction
    return jsonify(error="EHI export must be requested from Health Information Management"), 403


@portal.route("/patients/<pid>/appointments", methods=["POST"])
def book(pid):
    # ok: export-restriction
    return jsonify(error="Online booking is closed"), 403


# Django REST framework views; their routes live in urls.py.
from rest_framework import status as drf_status
from rest_framework.response import Response as DrfResponse
from rest_framework.views import APIView


class BulkExportView(APIView):
    def get(self, request):
        # ruleid: export-restriction
        return DrfResponse({"detail": "Bulk export is not supported"}, status=drf_status.HTTP_501_NOT_IMPLEMENTED)


class ArchivedNoteView(APIView):
    def get(self, request):
        # ok: export-restriction
        return DrfResponse({"detail": "Gone"}, status=drf_status.HTTP_410_GONE)
