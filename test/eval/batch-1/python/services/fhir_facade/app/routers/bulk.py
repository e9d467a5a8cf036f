"""FHIR Bulk Data endpoints of the facade."""
from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from ..auth import SmartContext, require_system_scope

router = APIRouter(prefix="/fhir/r4", tags=["bulk-data"])

_NOT_SUPPORTED = {
    "resourceType": "OperationOutcome",
    "issue": [
        {
            "severity": "error",
            "code": "not-supported",
            "diagnostics": "Bulk export is not available on this server.",
        }
    ],
}


@router.get("/Group/{group_id}/$export")
async def group_export(group_id: str, ctx: SmartContext = Depends(require_system_scope("*.read"))):
    return JSONResponse(status_code=501, content=_NOT_SUPPORTED, media_type="application/fhir+json")


@router.get("/Patient/$export")
async def patient_export(ctx: SmartContext = Depends(require_system_scope("*.read"))):
    return JSONResponse(status_code=501, content=_NOT_SUPPORTED, media_type="application/fhir+json")
