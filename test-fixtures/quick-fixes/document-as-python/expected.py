import time

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/fhir/Observation")
def search_observations():
    # ehi-exception: security
    #   reason:
    #   risk:
    #   basis:
    #   alternatives:
    #   owner:
    #   review-by: 2027-06-01
    time.sleep(2)
    return jsonify(store.search("Observation"))
