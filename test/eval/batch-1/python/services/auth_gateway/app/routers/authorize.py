"""SMART App Launch authorization endpoint."""
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse

from ..clients import ClientStore, get_client_store
from ..partners import PARTNER_APP_CLIENT_IDS
from ..sessions import current_patient_session

router = APIRouter(prefix="/oauth2", tags=["authorize"])


@router.get("/authorize")
async def authorize(
    request: Request,
    response_type: str = Query(...),
    client_id: str = Query(...),
    redirect_uri: str = Query(...),
    scope: str = Query(...),
    state: str = Query(...),
    aud: str = Query(...),
    code_challenge: str = Query(...),
    code_challenge_method: str = Query("S256"),
    store: ClientStore = Depends(get_client_store),
):
    if client_id not in PARTNER_APP_CLIENT_IDS:
        return JSONResponse(
            status_code=400,
            content={"error": "unauthorized_client", "error_description": "This app is not enabled for Northbay."},
        )

    client = await store.get(client_id)
    if client is None or redirect_uri not in client.redirect_uris:
        return JSONResponse(status_code=400, content={"error": "invalid_request"})

    session = await current_patient_session(request)
    if session is None:
        return RedirectResponse(f"/login?{urlencode({'next': str(request.url)})}")
    return RedirectResponse(f"/consent?{urlencode({'client_id': client_id, 'scope': scope, 'state': state})}")
