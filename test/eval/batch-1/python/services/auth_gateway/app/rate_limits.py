"""Brute-force protection for sign-in, token and one-time-code endpoints."""
from slowapi import Limiter
from slowapi.util import get_remote_address

auth_limiter = Limiter(key_func=get_remote_address, storage_uri="redis://redis:6379/5")

SIGN_IN_LIMIT = "5/minute"
TOKEN_LIMIT = "30/minute"
OTP_VERIFY_LIMIT = "5/15minutes"
