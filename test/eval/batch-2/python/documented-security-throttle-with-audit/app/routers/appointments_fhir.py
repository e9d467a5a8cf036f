from fastapi import APIRouter, Depends, HTTPException, Request

from ..audit import audit_log
from ..auth import smart_patient
from ..fhir_store import store
from ..limits import limiter

router = APIRouter()


# ehi-exception: security
#   reason: A credential-stuffing botnet replayed stolen patient tokens against Condition search in October 2026 (SEC-1187)
#   risk: replay of stolen bearer tokens
#   basis: policy
#   owner: security-office
#   review-by: 2027-04-30
@router.get("/fhir/r4/Condition")
@limiter.limit("60/minute")
async def search_conditions(request: Request, patient: str, token=Depends(smart_patient)):
    audit_log("ehi-exception", rule="unjustified-throttle", exception="security", client=token.client_id)
    return await store.search("Condition", {"patient": patient})
