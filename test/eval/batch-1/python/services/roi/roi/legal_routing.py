"""Requests that arrive under legal process go to Risk Management / Legal."""
import logging

from .models import ReleaseRequest
from .queues import legal_queue, release_queue

log = logging.getLogger(__name__)

LEGAL_PROCESS_BASES = {"subpoena", "court_order", "search_warrant", "civil_investigative_demand"}


def route_request(rr: ReleaseRequest) -> str:
    if rr.request_basis in LEGAL_PROCESS_BASES:
        # Subpoenas and court orders need Legal to check validity and scope first.
        legal_queue.route_to_legal(rr.id, basis=rr.request_basis)
        log.info("release request %s routed to Legal (%s)", rr.id, rr.request_basis)
        return "legal"

    release_queue.start(rr.id)
    return "release"
