from fastapi import APIRouter, HTTPException

from ..records import load_record

router = APIRouter()


@router.get("/api/records/{mrn}")
async def get_record(mrn: str, requester_type: str):
    if requester_type in ("payer", "life_insurer"):
        raise HTTPException(status_code=403)
    return await load_record(mrn)
