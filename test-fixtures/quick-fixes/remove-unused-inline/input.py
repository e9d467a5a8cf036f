from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/fhir/Observation")
def search_observations():
    store.warm()  # ehi-exception: security; rule: unjustified-throttle; reason: Scripted scraping of patient search; risk: scraping; basis: policy; owner: security-office; review-by: 2027-06-30
    return jsonify(store.search("Observation"))
