"""Request limiting for the FHIR facade (slowapi on top of Redis)."""
import os

from slowapi import Limiter
from slowapi.util import get_remote_address


def client_key(request) -> str:
    """Limit per SMART client when a token is present, otherwise per IP."""
    ctx = getattr(request.state, "smart", None)
    if ctx is not None and ctx.client_id:
        return f"client:{ctx.client_id}"
    return get_remote_address(request)


limiter = Limiter(
    key_func=client_key,
    storage_uri=os.environ.get("LIMITER_STORAGE_URI", "redis://redis:6379/2"),
    headers_enabled=True,
)

PATIENT_READ_LIMIT = "10/minute"
