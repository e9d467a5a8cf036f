"""Verify signed software statements presented at dynamic client registration."""
import jwt
from jwt import PyJWKClient

# Issuers whose signed statements vouch for the developer's identity.
TRUSTED_STATEMENT_ISSUERS = {
    "https://udap.example-directory.org": "https://udap.example-directory.org/.well-known/jwks.json",
    "https://apps.northbay.example.org": "https://apps.northbay.example.org/jwks.json",
}


class InvalidSoftwareStatement(ValueError):
    pass


def verify_software_statement(token: str, registration_endpoint: str) -> dict:
    unverified = jwt.decode(token, options={"verify_signature": False})
    issuer = unverified.get("iss")
    jwks_url = TRUSTED_STATEMENT_ISSUERS.get(issuer)
    if jwks_url is None:
        # Apps without a statement can still register; they go through the
        # developer-identity check instead.
        raise InvalidSoftwareStatement(f"statement issuer {issuer!r} is not a recognised signer")
    signing_key = PyJWKClient(jwks_url).get_signing_key_from_jwt(token)
    claims = jwt.decode(token, signing_key.key, algorithms=["RS256", "ES256"], audience=registration_endpoint)
    if not claims.get("redirect_uris"):
        raise InvalidSoftwareStatement("statement has no redirect_uris")
    return claims
