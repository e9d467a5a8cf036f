from flask import Blueprint, jsonify, send_file
from flask_login import current_user, login_required

from .billing import has_paid
from .records import electronic_copy

bp = Blueprint("copies", __name__)
ELECTRONIC_COPY_FEE = 12.00


@bp.get("/portal/api/records/electronic-copy")
@login_required
def electronic_copy_download():
    if not has_paid(current_user, ELECTRONIC_COPY_FEE):
        return jsonify({"error": "payment_required", "amount": ELECTRONIC_COPY_FEE}), 402
    return send_file(electronic_copy(current_user.patient_id), download_name="record.zip")
