from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["Encounter"])

SENSITIVE_ACT_CODES = {"ETH", "PSY", "SDV"}


def _sensitive(resource: dict) -> bool:
    return any(s.get("code") in SENSITIVE_ACT_CODES for s in resource.get("meta", {}).get("security", []))


@router.get("/Encounter/{encounter_id}")
async def read_encounter(
    encounter_id: str,
    ctx: SmartContext = Depends(require_patient_scope("Encounter.r")),
    client: EhrFhirClient = Depends(get_client),
):
    encounter = await client.read("Encounter", encounter_id, patient_id=ctx.patient_id)
    if _sensitive(encounter):
        return JSONResponse(
            status_code=403,
            media_type="application/fhir+json",
            content={
                "resourceType": "OperationOutcome",
                "issue": [{"severity": "error", "code": "forbidden", "diagnostics": "Access to this resource is restricted."}],
            },
        )
    return encounter
