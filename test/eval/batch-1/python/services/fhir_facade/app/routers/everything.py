"""$everything for Patient and Encounter (the types the operation is defined on)."""
from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["everything"])

EVERYTHING_TYPES = {"Patient", "Encounter"}


@router.get("/{resource_type}/{resource_id}/$everything")
async def everything(
    resource_type: str,
    resource_id: str,
    since: str | None = Query(None, alias="_since"),
    ctx: SmartContext = Depends(require_patient_scope("*.rs")),
    client: EhrFhirClient = Depends(get_client),
):
    if resource_type not in EVERYTHING_TYPES:
        return JSONResponse(
            status_code=400,
            content={
                "resourceType": "OperationOutcome",
                "issue": [{
                    "severity": "error",
                    "code": "not-supported",
                    "diagnostics": f"$everything is not defined on {resource_type}; use Patient or Encounter",
                }],
            },
            media_type="application/fhir+json",
        )
    if resource_type == "Patient":
        ctx.assert_patient(resource_id)
    return await client.operation(resource_type, resource_id, "$everything", {"_since": since})
