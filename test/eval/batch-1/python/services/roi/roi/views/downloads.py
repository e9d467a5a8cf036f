"""Patients fetch the records packets released to them."""
from flask import Blueprint, current_app, g, jsonify, redirect

from ..extensions import limiter
from ..models import ReleasePacket
from ..storage import presigned_url

bp = Blueprint("roi_downloads", __name__, url_prefix="/api/patient/records")


@bp.get("/packets")
@limiter.limit(lambda: current_app.config["RECORDS_DOWNLOAD_LIMIT"])
def list_packets():
    packets = ReleasePacket.query.filter_by(patient_id=g.patient_id).order_by(ReleasePacket.released_at.desc())
    return jsonify([p.to_summary() for p in packets])


@bp.get("/packets/<int:packet_id>/download")
@limiter.limit(lambda: current_app.config["RECORDS_DOWNLOAD_LIMIT"])
def download_packet(packet_id: int):
    packet = ReleasePacket.query.filter_by(id=packet_id, patient_id=g.patient_id).first_or_404()
    url = presigned_url(
        bucket=current_app.config["PACKET_BUCKET"],
        key=packet.object_key,
        expires_in=current_app.config["PACKET_URL_TTL_SECONDS"],
    )
    return redirect(url, code=302)
