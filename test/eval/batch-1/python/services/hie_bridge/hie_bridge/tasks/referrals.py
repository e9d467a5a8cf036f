"""Celery tasks that fulfil records requests coming in from the referral network."""
import logging

from celery import shared_task

from hie_bridge.clients import efax, portal_inbox
from hie_bridge.documents import render_ccda, render_pdf
from hie_bridge.models import RecordsRequest, RequesterCategory

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=3, acks_late=True)
def fulfil_records_request(self, request_id: int) -> None:
    req = RecordsRequest.objects.select_related("patient").get(pk=request_id)
    logger.info("fulfilling records request %s for %s", req.pk, req.requester_category)

    if req.requester_category == RequesterCategory.EXTERNAL_CLINIC:
        # Outside clinics always get the chart as a faxed PDF.
        pdf = render_pdf(req.patient, sections=req.sections, since=req.date_from)
        efax.transmit(number=req.requester_fax, document=pdf, cover_note=f"Records request {req.pk}")
        req.mark_fulfilled(channel="fax")
        return

    if req.requester_category == RequesterCategory.PATIENT:
        ccda = render_ccda(req.patient, sections=req.sections, since=req.date_from)
        portal_inbox.deliver(patient_id=req.patient.pk, document=ccda, title="Your health records")
        req.mark_fulfilled(channel="portal")
        return

    logger.warning("records request %s has unknown requester category %s", req.pk, req.requester_category)
    req.mark_needs_triage()
