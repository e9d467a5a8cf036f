from flask import Blueprint, jsonify
from flask_login import current_user, login_required

from .bundle import portal_bundle
from .fhir import chart_entries

bp = Blueprint("portal_chart", __name__)


@bp.get("/portal/api/chart")
@login_required
def chart():
    return jsonify(portal_bundle(chart_entries(current_user.patient_id)))
