import time

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/fhir/Observation")
def search_observations():
    time.sleep(2)
    return jsonify(store.search("Observation"))
