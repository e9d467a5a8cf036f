"""Back-office clients allowed to use the client_credentials grant with system/ scopes."""
from fastapi import HTTPException

# Internal integrations only: the population-health warehouse and the
# quality-measure engine. Patient apps never use client_credentials.
SYSTEM_CLIENT_IDS = frozenset({"northbay-pophealth-etl", "northbay-eqm-engine", "northbay-hie-bridge"})


def check_client_credentials_grant(client_id: str, requested_scope: str) -> list[str]:
    scopes = requested_scope.split()
    if not all(s.startswith("system/") for s in scopes):
        raise HTTPException(status_code=400, detail={"error": "invalid_scope"})
    if client_id not in SYSTEM_CLIENT_IDS:
        raise HTTPException(status_code=400, detail={"error": "unauthorized_client"})
    return scopes


def token_lifetime_for(client_id: str) -> int:
    return 300 if client_id in SYSTEM_CLIENT_IDS else 3600
