"""Send a continuity-of-care packet to the receiving provider."""
import logging

from celery import shared_task

from hie_bridge.clients import direct_hisp, efax
from hie_bridge.directory import lookup_recipient
from hie_bridge.documents import render_ccda, render_pdf
from hie_bridge.models import TransitionOfCare

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5, default_retry_delay=120)
def send_transition_packet(self, toc_id: int) -> str:
    toc = TransitionOfCare.objects.select_related("patient").get(pk=toc_id)
    recipient = lookup_recipient(toc.receiving_npi)

    if not recipient.direct_address:
        # The receiving practice has no Direct address in the provider directory.
        logger.info("no Direct address for NPI %s; faxing packet %s", toc.receiving_npi, toc.pk)
        efax.transmit(number=recipient.fax_number, document=render_pdf(toc.patient, sections=toc.sections))
        toc.mark_sent(channel="fax")
        return "fax"

    ccda = render_ccda(toc.patient, sections=toc.sections, encounter=toc.encounter_id)
    direct_hisp.send(
        to=recipient.direct_address,
        subject=f"Transition of care: {toc.patient.display_name}",
        attachments=[("ccd.xml", ccda, "application/xml")],
    )
    toc.mark_sent(channel="direct")
    return "direct"
