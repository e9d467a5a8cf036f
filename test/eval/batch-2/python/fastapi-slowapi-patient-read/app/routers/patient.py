from fastapi import APIRouter, Depends, Request

from ..auth import smart_patient
from ..fhir_store import store
from ..limits import PATIENT_READ_RATE, limiter

router = APIRouter(prefix="/fhir/r4")


@router.get("/Patient/{patient_id}")
@limiter.limit(PATIENT_READ_RATE)
async def read_patient(request: Request, patient_id: str, token=Depends(smart_patient)):
    return await store.read("Patient", patient_id)
