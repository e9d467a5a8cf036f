import time

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/fhir/Observation")
def observations():
    audit_log.record(event="ehi-exception", rule="unjustified-throttle")
    # The same reason pasted onto records of different exceptions is boilerplate: each copy is incomplete.
    # ruleid: exception-incomplete, unjustified-throttle
    time.sleep(2)  # ehi-exception: security; reason: Needed for platform stability; risk: scraping; basis: policy; owner: platform-team; review-by: 2027-06-30
    return jsonify(store.search("Observation"))


@app.get("/fhir/Condition")
def conditions():
    audit_log.record(event="ehi-exception", rule="unjustified-throttle")
    # ruleid: exception-incomplete, unjustified-throttle
    time.sleep(2)  # ehi-exception: health-it-performance; reason: Needed for platform stability; kind: unplanned-maintenance; max-duration: P7D; owner: platform-team; review-by: 2027-06-30
    return jsonify(store.search("Condition"))


@app.get("/fhir/Encounter")
def encounters():
    audit_log.record(event="ehi-exception", rule="unjustified-throttle")
    # ruleid: exception-incomplete, unjustified-throttle
    time.sleep(2)  # ehi-exception: health-it-performance; reason: Needed for platform stability; kind: planned-maintenance; max-duration: PT30M; agreement: SLA-7; owner: platform-team; review-by: 2027-06-30
    return jsonify(store.search("Encounter"))


@app.get("/fhir/Procedure")
def procedures():
    audit_log.record(event="ehi-exception", rule="unjustified-throttle")
    # A reason written for this restriction alone documents it.
    # ok: exception-incomplete, unjustified-throttle
    time.sleep(2)  # ehi-exception: security; reason: Procedure search is scraped by one reseller client; risk: scraping; basis: policy; owner: platform-team; review-by: 2027-06-30
    return jsonify(store.search("Procedure"))
