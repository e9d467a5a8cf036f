"""Patient API: bulk download of a patient's own record as a FHIR Bundle."""
from flask import Flask, g, jsonify
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from .audit import audit_access
from .fhir import everything_bundle

app = Flask(__name__)
limiter = Limiter(get_remote_address, app=app, storage_uri="redis://redis:6379/6")


# ehi-exception: security
#   reason: Scripted scraping of full-record downloads from stolen portal sessions (SEC-2024-031)
#   risk: credential-stuffed sessions bulk-downloading patient records
#   basis: policy
#   ticket: SEC-2024-031
#   owner: security-office
#   review-by: 2025-09-30
@app.get("/api/me/record/bundle")
@limiter.limit("2 per day")
def my_record_bundle():
    audit_access(patient_id=g.patient_id, event="full-record-download")
    return jsonify(everything_bundle(g.patient_id))
