import time

from flask import Blueprint, send_file
from flask_login import current_user, login_required

from . import config
from .archive import build_ccda_zip

bp = Blueprint("download", __name__)


@bp.get("/portal/records/download")
@login_required
def download_records():
    time.sleep(config.RECORDS_PACING_SECONDS)
    return send_file(build_ccda_zip(current_user.patient_id), download_name="records.zip")
