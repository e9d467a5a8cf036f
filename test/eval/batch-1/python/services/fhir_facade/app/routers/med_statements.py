"""MedicationStatement search, with a temporary per-app limit (INC-4471)."""
from fastapi import APIRouter, Depends, Request
from slowapi import Limiter

from ..audit import audit_event
from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["MedicationStatement"])


def _client_id(request: Request) -> str:
    return f"client:{request.state.smart.client_id}"


incident_limiter = Limiter(key_func=_client_id, storage_uri="redis://redis:6379/2")


# ehi-exception: health-it-performance
#   reason: One aggregator app polls MedicationStatement every few seconds per patient and
#     saturated the upstream EHR's FHIR pool on 2026-11-28; limited per app until it is fixed
#   kind: third-party-app-impact
#   max-duration: P30D
#   ticket: INC-4471
#   owner: fhir-platform-team
#   review-by: 2027-06-30
@router.get("/MedicationStatement")
@incident_limiter.limit("120/minute")
async def search_medication_statements(
    request: Request,
    patient: str,
    ctx: SmartContext = Depends(require_patient_scope("MedicationStatement.rs")),
    client: EhrFhirClient = Depends(get_client),
):
    audit_event(
        "ehi-exception",
        rule="unjustified-throttle",
        exception="health-it-performance",
        reason="INC-4471 per-app limit on MedicationStatement",
        client_id=ctx.client_id,
    )
    ctx.assert_patient(patient)
    return await client.search("MedicationStatement", {"patient": patient})
