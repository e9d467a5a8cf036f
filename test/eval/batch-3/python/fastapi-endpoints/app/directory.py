from fastapi import APIRouter, Depends
from .auth import get_current_user

router = APIRouter()


@router.get("/fhir-endpoints")
async def endpoints(user=Depends(get_current_user)):
    return {"resourceType": "Bundle", "type": "collection", "entry": []}
