"""Provider-to-provider record sharing requests from outside organizations."""
from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel

from ..auth import OrgContext, require_org_client
from ..directory import organization_is_affiliated
from ..services.sharing import start_share

router = APIRouter(prefix="/api/exchange", tags=["exchange"])


class ShareRequestIn(BaseModel):
    patient_identifier: str
    purpose_of_use: str = "TREAT"
    requesting_npi: str


@router.post("/share-requests", status_code=status.HTTP_202_ACCEPTED)
async def request_share(body: ShareRequestIn, org: OrgContext = Depends(require_org_client)):
    if not await organization_is_affiliated(org.organization_id):
        raise HTTPException(
            status_code=status.HTTP_403_FORBIDDEN,
            detail="This request violates our data sharing policy for unaffiliated organizations.",
        )
    share = await start_share(body.patient_identifier, requester=org, purpose=body.purpose_of_use)
    return {"share_id": share.id, "status": share.status}
