import json

from flask import Blueprint, Response

from .store import read

bp = Blueprint("fhir", __name__, url_prefix="/fhir/r4")


@bp.get("/AllergyIntolerance/<rid>")
def read_allergy(rid):
    return Response(json.dumps(read("AllergyIntolerance", rid)), mimetype="application/x-riverbend-fhir")
