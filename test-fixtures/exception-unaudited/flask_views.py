import time

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/fhir/Observation")
def search_observations():
    # ruleid: exception-unaudited
    # ehi-exception: security
    #   reason: Scripted scraping of observation lists
    #   risk: Automated scraping of whole patient panels
    #   basis: policy
    #   owner: security-office
    #   review-by: 2027-06-30
    time.sleep(2)
    return jsonify(store.search("Observation"))


@app.get("/fhir/Condition")
def search_conditions():
    audit_log.record(event="ehi-exception", rule="unjustified-throttle", exception="security", reason="Scraping")
    # ok: exception-unaudited
    # ehi-exception: security
    #   reason: Scripted scraping of condition lists
    #   risk: Automated scraping of whole patient panels
    #   basis: policy
    #   owner: security-office
    #   review-by: 2027-06-30
    time.sleep(2)
    return jsonify(store.search("Condition"))
