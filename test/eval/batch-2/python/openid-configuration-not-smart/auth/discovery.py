from fastapi import APIRouter

router = APIRouter()
ISSUER = "https://auth.riverbend.example"


@router.get("/.well-known/openid-configuration")
async def openid_configuration():
    return {
        "issuer": ISSUER,
        "authorization_endpoint": f"{ISSUER}/oauth2/authorize",
        "jwks_uri": f"{ISSUER}/jwks",
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
    }
