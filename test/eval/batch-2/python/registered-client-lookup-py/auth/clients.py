from fastapi import HTTPException

from .store import client_store


async def require_registered_client(client_id: str, redirect_uri: str):
    client = await client_store.get(client_id)
    if client is None:
        raise HTTPException(status_code=400, detail="invalid_client")
    if redirect_uri not in client.redirect_uris:
        raise HTTPException(status_code=400, detail="invalid_redirect_uri")
    return client
