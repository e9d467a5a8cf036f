from flask import Blueprint, abort, jsonify
from flask_login import current_user, login_required

from .proxy import proxy_link
from .chart import summary_for

bp = Blueprint("family", __name__)


@bp.get("/portal/api/family/<patient_id>/summary")
@login_required
def family_summary(patient_id):
    link = proxy_link(current_user, patient_id)
    if link and link.relationship == "spouse":
        abort(403, description="This information cannot be shared for privacy reasons.")
    return jsonify(summary_for(patient_id))
