"""Intake of provider-to-provider records requests received through the ROI API."""
import logging
from datetime import datetime, timezone

from .extensions import db
from .models import ReleaseRequest
from .queues import him_review_queue

log = logging.getLogger(__name__)


def receive_provider_request(payload: dict) -> ReleaseRequest:
    """A treating provider outside Northbay asks for a patient's records."""
    rr = ReleaseRequest(
        patient_id=payload["patient_id"],
        requester_type="outside_provider",
        requester_name=payload["organization"],
        requester_npi=payload.get("npi"),
        purpose=payload.get("purpose", "treatment"),
        date_range=payload.get("date_range"),
        received_at=datetime.now(timezone.utc),
        status="received",
    )
    db.session.add(rr)
    db.session.flush()

    # Every outside request is checked by an HIM analyst before anything is released.
    him_review_queue.enqueue_for_manual_review(rr.id, reason="outside provider request")
    rr.status = "in_review"

    db.session.commit()
    log.info("provider request %s from %s queued for HIM review", rr.id, rr.requester_name)
    return rr
