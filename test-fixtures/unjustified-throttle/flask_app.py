import time

import requests
from flask import Flask, abort, jsonify
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

app = Flask(__name__)
limiter = Limiter(get_remote_address, app=app)


# ruleid: unjustified-throttle
@limiter.limit("10 per minute")
@app.route("/fhir/Patient/<pid>", methods=["GET"])
def read_patient(pid):
    return jsonify(store.read("Patient", pid))


@app.get("/fhir/Observation")
def search_observations():
    # ruleid: unjustified-throttle
    time.sleep(2)
    return jsonify(store.search("Observation"))


# ok: unjustified-throttle
@limiter.limit("5 per minute")
@app.post("/login")
def login():
    return jsonify(auth.login())


@app.get("/fhir/DocumentReference")
def documents():
    for attempt in range(3):
        try:
            return jsonify(requests.get(f"{PARTNER}/DocumentReference", timeout=10).json())
        except requests.RequestException:
            # ok: unjustified-throttle
            time.sleep(2 ** attempt)
    abort(502)
