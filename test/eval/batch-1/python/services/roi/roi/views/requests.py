"""Flask blueprint for intake of release-of-information requests."""
from flask import Blueprint, jsonify, request

from ..channels import channels_for_requester, is_channel_allowed
from ..constants import DeliveryChannel, RequesterType
from ..models import ReleaseRequest, db

bp = Blueprint("roi_requests", __name__, url_prefix="/api/roi/requests")


@bp.get("/channels")
def list_channels():
    requester_type = RequesterType(request.args.get("requester_type", "patient"))
    offered = channels_for_requester(requester_type)
    return jsonify({"requester_type": requester_type.value, "channels": [c.value for c in offered]})


@bp.post("")
def create_release_request():
    payload = request.get_json(force=True)
    requester_type = RequesterType(payload["requester_type"])
    channel = DeliveryChannel(payload["delivery_channel"])

    if not is_channel_allowed(requester_type, channel):
        offered = [c.value for c in channels_for_requester(requester_type)]
        return jsonify({"error": "unsupported_channel", "offered": offered}), 422

    rr = ReleaseRequest(
        patient_id=payload["patient_id"],
        requester_type=requester_type.value,
        requester_name=payload.get("requester_name"),
        delivery_channel=channel.value,
        recipient=payload.get("recipient", {}),
        date_range=payload.get("date_range"),
    )
    db.session.add(rr)
    db.session.commit()
    return jsonify({"id": rr.id, "status": rr.status, "delivery_channel": rr.delivery_channel}), 201
