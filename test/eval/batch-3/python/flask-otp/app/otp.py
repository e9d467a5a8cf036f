from flask import Blueprint
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

bp = Blueprint("otp", __name__)
limiter = Limiter(get_remote_address)


@bp.post("/auth/otp/verify")
@limiter.limit("5 per 15 minutes")
def verify_otp():
    return "", 204
