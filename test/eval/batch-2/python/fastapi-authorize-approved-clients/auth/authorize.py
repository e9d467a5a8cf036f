from fastapi import APIRouter, HTTPException, Request

from .consent import render_consent

router = APIRouter()

APPROVED_CLIENTS = {"riverbend-mobile", "carepath", "medbox-sync"}


@router.get("/oauth2/authorize")
async def authorize(request: Request, client_id: str, redirect_uri: str, scope: str, state: str):
    if client_id not in APPROVED_CLIENTS:
        raise HTTPException(status_code=403, detail="unauthorized_client")
    return await render_consent(request, client_id, redirect_uri, scope, state)
