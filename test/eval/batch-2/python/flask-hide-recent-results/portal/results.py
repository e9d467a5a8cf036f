from datetime import datetime, timedelta, timezone

from flask import Blueprint, jsonify
from flask_login import current_user, login_required

from .store import results_for

bp = Blueprint("results", __name__)
NEW_RESULT_HOLD = timedelta(hours=48)


@bp.get("/portal/api/results")
@login_required
def my_results():
    now = datetime.now(timezone.utc)
    visible = [r for r in results_for(current_user.patient_id) if now - r.finalized_at >= NEW_RESULT_HOLD]
    return jsonify([r.as_dict() for r in visible])
