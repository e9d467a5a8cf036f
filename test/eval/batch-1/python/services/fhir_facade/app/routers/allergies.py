from fastapi import APIRouter, Depends, HTTPException, Query, status

from ..auth import SmartContext, current_smart_context
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["AllergyIntolerance"])


def _require_scope(ctx: SmartContext, scope: str) -> None:
    if scope not in ctx.scopes and "patient/*.rs" not in ctx.scopes:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="insufficient_scope")


@router.get("/AllergyIntolerance")
async def search_allergies(
    patient: str = Query(...),
    ctx: SmartContext = Depends(current_smart_context),
    client: EhrFhirClient = Depends(get_client),
):
    if ctx.expired:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="invalid_token",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    _require_scope(ctx, "patient/AllergyIntolerance.rs")
    if ctx.patient_id != patient:
        # The token is bound to one patient's compartment.
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="patient_mismatch")
    return await client.search("AllergyIntolerance", {"patient": patient})
