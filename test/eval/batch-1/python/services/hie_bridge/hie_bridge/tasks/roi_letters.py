"""Letters sent to requesters when an ROI request cannot be completed."""
import logging

from celery import shared_task

from hie_bridge.letters import render_letter, send_letter
from hie_bridge.models import RecordsRequest

logger = logging.getLogger(__name__)

REFUSAL_EXPLANATION = (
    "Your request could not be completed. Per HIPAA, we are not permitted "
    "to release this information."
)


@shared_task(name="roi.send_refusal_letter")
def send_refusal_letter(request_id: int) -> None:
    req = RecordsRequest.objects.select_related("patient").get(pk=request_id)
    body = render_letter(
        "roi/refusal.txt",
        {"requester": req.requester_name, "request_id": req.pk, "explanation": REFUSAL_EXPLANATION},
    )
    send_letter(to=req.requester_email, subject=f"Your records request {req.pk}", body=body)
    logger.info("sent refusal letter for request %s", req.pk)
