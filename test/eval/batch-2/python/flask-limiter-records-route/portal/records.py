from flask import Blueprint, jsonify
from flask_login import current_user, login_required

from .extensions import limiter
from .services import records_for

bp = Blueprint("records", __name__)


@bp.get("/api/records/<mrn>")
@login_required
@limiter.limit("100 per day")
def get_records(mrn):
    return jsonify(records_for(mrn, current_user))
