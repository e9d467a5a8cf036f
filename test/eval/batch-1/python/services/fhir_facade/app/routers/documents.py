"""Patients download their C-CDA documents through the facade."""
from datetime import date

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse

from ..auth import SmartContext, require_patient_scope
from ..cache import redis
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["DocumentReference"])

DAILY_DOCUMENT_DOWNLOADS = 3


@router.get("/Binary/{binary_id}/ccda")
async def download_ccda(
    binary_id: str,
    ctx: SmartContext = Depends(require_patient_scope("DocumentReference.r")),
    client: EhrFhirClient = Depends(get_client),
):
    key = f"ccda-downloads:{ctx.patient_id}:{date.today().isoformat()}"
    used = await redis.incr(key)
    await redis.expire(key, 86400)
    if used > DAILY_DOCUMENT_DOWNLOADS:
        return JSONResponse(
            status_code=429,
            content={
                "resourceType": "OperationOutcome",
                "issue": [{"severity": "error", "code": "throttled", "diagnostics": "Daily download allowance used up."}],
            },
            headers={"Retry-After": "86400"},
        )
    content = await client.read_binary(binary_id, patient_id=ctx.patient_id)
    return Response(content=content, media_type="application/xml")
