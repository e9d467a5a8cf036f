"""Authenticity vetting for newly registered patient-facing apps (45 CFR 170.404(a)(4)(ii))."""
from datetime import date, datetime, timedelta, timezone

import holidays

from ..models import AppRegistration
from .software_checks import redirect_uris_use_https, verify_developer_domain

_US_HOLIDAYS = holidays.US()


def add_business_days(start: date, days: int) -> date:
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in _US_HOLIDAYS:
            days -= 1
    return current


def open_vetting(app: AppRegistration) -> AppRegistration:
    """Only the developer's identity and the app's endpoints are checked; no other criteria."""
    app.status = "PENDING_VERIFICATION"
    app.review_due = add_business_days(datetime.now(timezone.utc).date(), 5)
    return app


def complete_vetting(app: AppRegistration) -> AppRegistration:
    if redirect_uris_use_https(app.redirect_uris) and verify_developer_domain(app.contacts):
        app.status = "ACTIVE"
    else:
        app.status = "VERIFICATION_FAILED"
    app.vetted_at = datetime.now(timezone.utc)
    return app
