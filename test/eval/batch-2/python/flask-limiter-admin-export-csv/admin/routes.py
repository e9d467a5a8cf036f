from flask import Blueprint, Response
from flask_login import login_required

from .auth import require_role
from .extensions import limiter
from .reports import billing_summary_csv

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/reports/billing-summary.csv")
@login_required
@require_role("finance-admin")
@limiter.limit("10 per hour")
def billing_summary():
    return Response(billing_summary_csv(), mimetype="text/csv")
