import time

from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)
HIDDEN = frozenset({"DocumentReference"})


def test_patient_route_rate_limited():
    for _ in range(5):
        client.get("/fhir/r4/Patient/123")
    time.sleep(0.1)
    assert client.get("/fhir/r4/Patient/123").status_code == 429


def test_bundle_excludes_hidden():
    bundle = client.get("/fhir/r4/Patient/123/$everything").json()
    assert not [e for e in bundle["entry"] if e["resource"]["resourceType"] in HIDDEN]
