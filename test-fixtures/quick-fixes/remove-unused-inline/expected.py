from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/fhir/Observation")
def search_observations():
    store.warm()
    return jsonify(store.search("Observation"))
