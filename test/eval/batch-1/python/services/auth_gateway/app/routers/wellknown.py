"""Discovery documents served by the SMART authorization gateway."""
from fastapi import APIRouter
from fastapi.responses import JSONResponse

from ..settings import settings

router = APIRouter(tags=["discovery"])


@router.get("/fhir/r4/.well-known/smart-configuration")
async def smart_configuration():
    base = settings.public_auth_base
    return JSONResponse(
        {
            "issuer": base,
            "jwks_uri": f"{base}/.well-known/jwks.json",
            "authorization_endpoint": f"{base}/oauth2/authorize",
            "token_endpoint": f"{base}/oauth2/token",
            "registration_endpoint": f"{base}/oauth2/register",
            "grant_types_supported": ["authorization_code", "client_credentials"],
            "token_endpoint_auth_methods_supported": ["none", "private_key_jwt", "client_secret_basic"],
            "scopes_supported": ["openid", "fhirUser", "launch/patient", "offline_access", "patient/*.rs"],
            "response_types_supported": ["code"],
            "capabilities": [
                "launch-standalone",
                "launch-ehr",
                "client-public",
                "client-confidential-asymmetric",
                "context-standalone-patient",
                "permission-patient",
                "permission-offline",
                "sso-openid-connect",
            ],
            # Some older mobile SDKs can only do plain PKCE.
            "code_challenge_methods_supported": ["S256", "plain"],
        }
    )
