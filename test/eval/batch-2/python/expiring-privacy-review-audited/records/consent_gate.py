from .audit import audit_event
from .review import queue_for_manual_review


def route_outside_request(rr):
    audit_event("ehi-exception", rule="manual-review-gate", exception="privacy", request_id=rr.pk)
    # ehi-exception: privacy
    #   reason: State law requires the patient's written authorization before disclosing HIV test results to a third party
    #   sub-exception: precondition-not-satisfied
    #   law: Example State Health Code 19-204
    #   owner: compliance-office
    #   review-by: 2026-12-24
    queue_for_manual_review(rr, reason="authorization-required")
