from fastapi import APIRouter, Depends, Query, Request
from slowapi import Limiter
from slowapi.util import get_remote_address

from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["Immunization"])

registry_limiter = Limiter(key_func=get_remote_address, storage_uri="redis://redis:6379/2")


# ehi-exception: maintenance-window
#   reason: Upstream immunization registry sync runs hourly and slows searches
#   kind: planned-maintenance
#   max-duration: PT15M
#   agreement: SLA-2026-02 section 4
#   owner: fhir-platform-team
#   review-by: 2027-09-30
@router.get("/Immunization")
@registry_limiter.limit("15/minute")
async def search_immunizations(
    request: Request,
    patient: str = Query(...),
    ctx: SmartContext = Depends(require_patient_scope("Immunization.rs")),
    client: EhrFhirClient = Depends(get_client),
):
    ctx.assert_patient(patient)
    return await client.search("Immunization", {"patient": patient})
