"""Routing of new patient records requests: fulfil automatically unless something is off."""
import logging

from .models import AccessRequest, AccessRequestStatus
from .queues import identity_review_queue
from .tasks import fulfil_access_request

logger = logging.getLogger(__name__)


def route_new_request(access_request: AccessRequest) -> None:
    patient = access_request.patient
    account = access_request.submitted_by

    if not account.identity_proofed or account.identity_mismatch_flag:
        # Identity could not be verified (IAL2 proofing missing or demographics mismatch).
        access_request.status = AccessRequestStatus.PENDING_VERIFICATION
        access_request.save(update_fields=["status"])
        identity_review_queue.add(access_request.pk)
        logger.info("access request %s waiting for identity verification", access_request.pk)
        return

    if patient.is_minor and account.relationship == "parent" and patient.age >= 12:
        # State law gives adolescents control over some records; HIM checks which apply.
        identity_review_queue.add(access_request.pk, reason="adolescent-confidential-services")
        return

    access_request.status = AccessRequestStatus.IN_PROGRESS
    access_request.save(update_fields=["status"])
    fulfil_access_request.delay(access_request.pk)
