import time

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/fhir/Observation")
def search_observations():
    audit_log.record(event="ehi-exception", rule="unjustified-throttle", exception="security", reason="Scraping")
    # ruleid: exception-unused
    store.warm()  # ehi-exception: security; rule: unjustified-throttle; reason: Scripted scraping of patient search; risk: Scraping of whole panels; basis: policy; owner: security-office; review-by: 2027-06-30
    return jsonify(store.search("Observation"))


@app.get("/fhir/Condition")
def search_conditions():
    audit_log.record(event="ehi-exception", rule="unjustified-throttle", exception="security", reason="Scraping")
    # ok: exception-unused, unjustified-throttle
    time.sleep(2)  # ehi-exception: security; rule: unjustified-throttle; reason: Scripted scraping of patient search; risk: Scraping of whole panels; basis: policy; owner: security-office; review-by: 2027-06-30
    return jsonify(store.search("Condition"))
