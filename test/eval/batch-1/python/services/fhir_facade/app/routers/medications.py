from fastapi import APIRouter, Depends, Query

from ..auth import SmartContext
from ..deps.billing import require_paid_api_plan
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["MedicationRequest"])


@router.get("/MedicationRequest")
async def search_medication_requests(
    patient: str = Query(...),
    intent: str | None = Query(None),
    ctx: SmartContext = Depends(require_paid_api_plan),
    client: EhrFhirClient = Depends(get_client),
):
    ctx.assert_patient(patient)
    return await client.search("MedicationRequest", {"patient": patient, "intent": intent})


@router.get("/MedicationRequest/{resource_id}")
async def read_medication_request(
    resource_id: str,
    ctx: SmartContext = Depends(require_paid_api_plan),
    client: EhrFhirClient = Depends(get_client),
):
    return await client.read("MedicationRequest", resource_id, patient_id=ctx.patient_id)
