import time

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/fhir/Observation")
def search_observations():
    # The Fees exception cannot justify a delay.
    # ruleid: exception-invalid
    # ehi-exception: fees
    #   reason: Heavy users pay for priority
    #   cost-basis: finance/api-costs.xlsx
    #   owner: billing
    #   review-by: 2027-06-30
    time.sleep(2)  # ruleid: unjustified-throttle
    return jsonify(store.search("Observation"))


@app.get("/fhir/Condition")
def search_conditions():
    audit_log.record(event="ehi-exception", rule="unjustified-throttle", exception="security", reason="Scraping")
    # ok: exception-invalid
    # ehi-exception: security
    #   reason: Scripted scraping of condition lists
    #   risk: Automated scraping of whole patient panels
    #   basis: case-by-case
    #   alternatives: Per-client quotas failed to stop rotating client ids
    #   owner: security-office
    #   review-by: 2027-06-30
    time.sleep(2)  # ok: unjustified-throttle
    return jsonify(store.search("Condition"))
