"""User-facing error messages of the identity service."""
from flask import jsonify

PASSWORD_TOO_WEAK = "This password does not meet the password policy: at least 12 characters, not a common password."
PASSWORD_REUSED = "You used this password recently. Our password policy requires a new one."
CORS_REJECTED = "This request was blocked by the CORS policy of the sign-in service."
SESSION_EXPIRED = "You were signed out after 30 minutes of inactivity, as required by our session policy."
ACCOUNT_LOCKED = "Too many attempts. Your account is locked for 15 minutes."
COOKIE_REQUIRED = "Sign-in needs cookies; your browser's cookie policy is blocking them."


def password_errors(errors: list[str]) -> dict:
    return {"error": "invalid_password", "messages": [PASSWORD_TOO_WEAK, *errors]}


def password_reused_response():
    return jsonify({"error": "password_reused", "message": PASSWORD_REUSED}), 400


def cors_rejected_response():
    return jsonify({"error": "cors_rejected", "message": CORS_REJECTED}), 403


def session_expired_response():
    return jsonify({"error": "session_expired", "message": SESSION_EXPIRED}), 401
