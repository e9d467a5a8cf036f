"""HIM staff complete reviews of release requests that were flagged for review."""
from flask import Blueprint, abort, g, jsonify, request

from ..auth import staff_required
from ..extensions import db
from ..fulfilment import start_release
from ..models import ReleaseRequest

bp = Blueprint("roi_staff_review", __name__, url_prefix="/staff/roi")


@bp.get("/review-queue")
@staff_required("him_analyst")
def review_queue():
    items = ReleaseRequest.query.filter_by(status="PENDING_REVIEW").order_by(ReleaseRequest.received_at)
    return jsonify([i.to_summary() for i in items])


@bp.post("/requests/<int:request_id>/approve")
@staff_required("him_analyst")
def approve(request_id: int):
    rr = db.session.get(ReleaseRequest, request_id)
    if rr is None or rr.status != "PENDING_REVIEW":
        abort(404)
    rr.status = "APPROVED"
    rr.reviewed_by = g.staff_user.id
    rr.review_note = (request.get_json(silent=True) or {}).get("note")
    db.session.commit()
    start_release(rr.id)
    return jsonify(rr.to_summary())
