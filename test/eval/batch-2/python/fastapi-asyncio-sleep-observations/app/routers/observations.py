import asyncio

from fastapi import APIRouter, Depends

from ..auth import smart_patient
from ..fhir_store import store

router = APIRouter()


@router.get("/fhir/r4/Observation")
async def search_observations(patient: str, token=Depends(smart_patient)):
    # spread load from polling apps
    await asyncio.sleep(2)
    return await store.search("Observation", {"patient": patient})
