from fastapi import APIRouter, Depends

from ..auth import smart_patient
from ..fhir_store import store

router = APIRouter()

EVERYTHING_TYPES = ("Patient", "Condition", "AllergyIntolerance", "MedicationStatement", "Immunization")


@router.get("/fhir/r4/Patient/{pid}/$everything")
async def everything(pid: str, token=Depends(smart_patient)):
    entries = []
    for rtype in EVERYTHING_TYPES:
        for resource in await store.search(rtype, {"patient": pid}):
            entries.append({"fullUrl": f"{rtype}/{resource['id']}", "resource": resource})
    return {"resourceType": "Bundle", "type": "searchset", "total": len(entries), "entry": entries}
