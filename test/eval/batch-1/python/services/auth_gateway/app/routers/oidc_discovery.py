"""OpenID Connect discovery for the staff single sign-on (not the SMART document)."""
from fastapi import APIRouter

from ..settings import settings

router = APIRouter(tags=["discovery"])


@router.get("/.well-known/openid-configuration")
async def openid_configuration():
    base = settings.public_auth_base
    return {
        "issuer": base,
        "authorization_endpoint": f"{base}/oauth2/authorize",
        "token_endpoint": f"{base}/oauth2/token",
        "userinfo_endpoint": f"{base}/oauth2/userinfo",
        "jwks_uri": f"{base}/.well-known/jwks.json",
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "profile", "email"],
        "claims_supported": ["sub", "name", "email", "preferred_username"],
        "code_challenge_methods_supported": ["S256", "plain"],
    }
