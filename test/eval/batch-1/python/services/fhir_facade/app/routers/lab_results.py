"""Laboratory Observation feed for the portal's Results page."""
from fastapi import APIRouter, Depends, Query

from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/portal/api", tags=["results"])

# Preliminary and registered results are still being worked on by the lab;
# amended and corrected results replace earlier final ones.
RELEASABLE_STATUSES = {"final", "amended", "corrected"}


@router.get("/lab-results")
async def lab_results(
    patient: str = Query(...),
    ctx: SmartContext = Depends(require_patient_scope("Observation.rs")),
    client: EhrFhirClient = Depends(get_client),
):
    ctx.assert_patient(patient)
    upstream = await client.search("Observation", {"patient": patient, "category": "laboratory"})
    rows = []
    for entry in upstream.get("entry", []):
        obs = entry["resource"]
        if obs.get("status") not in RELEASABLE_STATUSES:
            continue
        rows.append(
            {
                "id": obs["id"],
                "test": obs["code"].get("text"),
                "value": obs.get("valueQuantity", {}).get("value"),
                "unit": obs.get("valueQuantity", {}).get("unit"),
                "status": obs["status"],
                "issued": obs.get("issued"),
            }
        )
    return {"results": rows}
