from typing import Literal
from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter(prefix="/records-requests")


class AttorneyOrProviderRequest(BaseModel):
    patient_mrn: str
    requester_type: Literal["outside_provider", "facility"]
    delivery: Literal["fax", "certified_mail"]


@router.post("")
async def create(req: AttorneyOrProviderRequest):
    return {"queued": True}
