from fastapi import APIRouter, Depends, Query

from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["Condition"])


@router.get("/Condition")
async def search_conditions(
    patient: str = Query(...),
    category: str | None = Query(
        None,
        description="US Core category token, e.g. problem-list-item, encounter-diagnosis, health-concern",
    ),
    clinical_status: str | None = Query(None, alias="clinical-status"),
    ctx: SmartContext = Depends(require_patient_scope("Condition.rs")),
    client: EhrFhirClient = Depends(get_client),
):
    """US Core Condition search; the app chooses the category and status it wants."""
    ctx.assert_patient(patient)
    upstream = await client.search("Condition", {"patient": patient, "clinical-status": clinical_status})
    entries = upstream.get("entry", [])

    if category:
        wanted = set(category.split(","))
        entries = [
            e for e in entries
            if any(
                coding.get("code") in wanted
                for cat in e["resource"].get("category", [])
                for coding in cat.get("coding", [])
            )
        ]

    return {"resourceType": "Bundle", "type": "searchset", "total": len(entries), "entry": entries}
