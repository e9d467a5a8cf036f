from flask import Blueprint, jsonify
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from .limits import EXPORT_RATE

bp = Blueprint("ehi_export", __name__)
limiter = Limiter(get_remote_address)


@bp.route("/patients/<pid>/$export")
@limiter.limit(EXPORT_RATE)
def patient_export(pid):
    return jsonify(start_export(pid)), 202


def start_export(pid):
    return {"status": "accepted"}
