from flask import Blueprint, jsonify
from flask_login import current_user, login_required

from .extensions import limiter
from .imaging_store import studies_for

bp = Blueprint("imaging", __name__)


# ehi-exception: health-it-performance
#   reason: PACS migration cut image retrieval capacity in half during the vendor switch
#   kind: unplanned-maintenance
#   max-duration: P14D
#   owner: imaging-informatics
#   review-by: 2026-06-30
@bp.get("/portal/api/imaging")
@login_required
@limiter.limit("10 per hour")
def imaging_studies():
    return jsonify(studies_for(current_user.patient_id))
