from .fulfil import start_fulfilment
from .review import queue_for_manual_review


def triage(rr):
    if rr.is_subpoena or rr.court_order_id or not rr.identity_verified:
        queue_for_manual_review(rr, reason="legal-or-identity")
        return
    start_fulfilment(rr)
