"""Account self-service for the patient portal (password reset, username reminder)."""
from flask import Flask, jsonify, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from .accounts import issue_reset_token, send_username_reminder, complete_reset

app = Flask(__name__)
app.config.from_prefixed_env("IDENTITY")

limiter = Limiter(get_remote_address, app=app, storage_uri=app.config.get("LIMITER_URI", "memory://"))


@app.post("/account/password-reset")
@limiter.limit("3 per hour")
def request_password_reset():
    email = request.get_json(force=True).get("email", "")
    issue_reset_token(email)
    # Same answer whether or not the account exists.
    return jsonify({"status": "sent_if_registered"}), 202


@app.post("/account/password-reset/confirm")
@limiter.limit("10 per hour")
def confirm_password_reset():
    body = request.get_json(force=True)
    complete_reset(body["token"], body["new_password"])
    return jsonify({"status": "updated"})


@app.post("/account/username-reminder")
@limiter.limit("3 per hour")
def username_reminder():
    send_username_reminder(request.get_json(force=True).get("email", ""))
    return jsonify({"status": "sent_if_registered"}), 202
