from fastapi import APIRouter, Depends, Query

from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["Observation"])

SHAREABLE_CATEGORIES = {"vital-signs", "laboratory"}


def _category_codes(observation: dict) -> set[str]:
    return {
        coding.get("code")
        for category in observation.get("category", [])
        for coding in category.get("coding", [])
    }


@router.get("/Observation")
async def search_observations(
    patient: str = Query(...),
    date: str | None = Query(None),
    ctx: SmartContext = Depends(require_patient_scope("Observation.rs")),
    client: EhrFhirClient = Depends(get_client),
):
    ctx.assert_patient(patient)
    upstream = await client.search("Observation", {"patient": patient, "date": date})
    entries = [
        e for e in upstream.get("entry", [])
        if _category_codes(e["resource"]) & SHAREABLE_CATEGORIES
    ]
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": len(entries),
        "entry": entries,
    }
