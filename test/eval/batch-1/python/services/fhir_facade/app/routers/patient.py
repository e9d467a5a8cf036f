from fastapi import APIRouter, Depends, Request

from ..auth import SmartContext, require_patient_scope
from ..limiter import PATIENT_READ_LIMIT, limiter
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["Patient"])


@router.get("/Patient/{patient_id}")
@limiter.limit(PATIENT_READ_LIMIT)
async def read_patient(
    request: Request,
    patient_id: str,
    ctx: SmartContext = Depends(require_patient_scope("Patient.r")),
    client: EhrFhirClient = Depends(get_client),
):
    ctx.assert_patient(patient_id)
    return await client.read("Patient", patient_id)


@router.get("/Patient")
@limiter.limit(PATIENT_READ_LIMIT)
async def search_patient(
    request: Request,
    ctx: SmartContext = Depends(require_patient_scope("Patient.rs")),
    client: EhrFhirClient = Depends(get_client),
):
    # A patient-scoped token can only ever see its own Patient resource.
    return await client.search("Patient", {"_id": ctx.patient_id})
