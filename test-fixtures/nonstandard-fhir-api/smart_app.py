"""SMART discovery and a few FHIR read endpoints of the Bayview patient API."""
from fastapi import FastAPI, Response
from flask import Blueprint

from .store import store

app = FastAPI()
AUTH = "https://auth.bayview.example"


@app.get("/fhir/.well-known/smart-configuration")
def smart_configuration():
    # ruleid: nonstandard-fhir-api
    return {
        "authorization_endpoint": f"{AUTH}/authorize",
        "token_endpoint": f"{AUTH}/token",
        "grant_types_supported": ["authorization_code"],
        "capabilities": ["launch-standalone", "client-confidential-symmetric", "context-standalone-patient", "permission-patient", "permission-offline", "sso-openid-connect"],
    }


@app.get("/.well-known/openid-configuration")
def openid_configuration():
    # ok: nonstandard-fhir-api
    return {
        "issuer": AUTH,
        "authorization_endpoint": f"{AUTH}/authorize",
        "token_endpoint": f"{AUTH}/token",
    }


@app.get("/fhir/Procedure/{rid}")
def read_procedure(rid: str):
    body = store.read_json("Procedure", rid)
    # ruleid: nonstandard-fhir-api
    return Response(content=body, media_type="application/vnd.bayview.procedure+json")


@app.get("/fhir/Immunization/{rid}")
def read_immunization(rid: str):
    body = store.read_json("Immunization", rid)
    # ok: nonstandard-fhir-api
    return Response(content=body, media_type="application/fhir+json")


@app.get("/downloads/{rid}")
def download(rid: str):
    # ok: nonstandard-fhir-api
    return Response(content=store.blob(rid), media_type="application/vnd.ms-excel")
