from fastapi import APIRouter

router = APIRouter()
BASE = "https://fhir.riverbend.example"


@router.get("/fhir/r4/.well-known/smart-configuration")
async def smart_configuration():
    return {
        "authorization_endpoint": f"{BASE}/oauth2/authorize",
        "grant_types_supported": ["authorization_code"],
        "capabilities": ["launch-standalone", "client-public", "context-standalone-patient", "permission-patient"],
        "code_challenge_methods_supported": ["S256"],
    }
