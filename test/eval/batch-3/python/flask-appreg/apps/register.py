from flask import Blueprint, request, abort

bp = Blueprint("app_registration", __name__)
REQUIRED_DOCS = ("security_questionnaire", "pen_test_report", "signed_baa")


@bp.post("/developer/apps")
def register_app():
    missing = [d for d in REQUIRED_DOCS if d not in request.files]
    if missing:
        abort(400, f"missing: {missing}")
    return {"status": "ACTIVE"}, 201
