from fastapi import APIRouter, Depends, Response

from ..auth import smart_patient
from .tasks import run_patient_export

router = APIRouter()
EXPORT_HOLD_SECONDS = 8 * 3600


@router.get("/fhir/r4/Patient/{pid}/$export")
async def kickoff(pid: str, response: Response, token=Depends(smart_patient)):
    job = run_patient_export.apply_async(args=[pid], countdown=EXPORT_HOLD_SECONDS)
    response.status_code = 202
    response.headers["Content-Location"] = f"/export-status/{job.id}"
    return None
