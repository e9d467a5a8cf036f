"""Fulfil a records request in the manner the requester chose on the form."""
import logging

from integrations import direct_mail, fax_gateway, fhir_push, print_shop

from .models import RecordsRequest
from .packets import assemble_ccda, assemble_pdf

logger = logging.getLogger(__name__)


def fulfil(request_id: int) -> None:
    rr = RecordsRequest.objects.select_related("patient").get(pk=request_id)
    method = rr.delivery_method

    if method == "portal":
        rr.patient.documents.create(kind="ccda", content=assemble_ccda(rr), title="Requested records")
    elif method == "direct":
        direct_mail.send(to=rr.recipient_direct_address, attachment=assemble_ccda(rr))
    elif method == "fhir":
        fhir_push.post_bundle(endpoint=rr.recipient_fhir_endpoint, patient=rr.patient, since=rr.date_from)
    elif method == "fax":
        # The requester asked for fax on the form.
        fax_gateway.send(number=rr.recipient_fax, pdf=assemble_pdf(rr))
    elif method == "mail":
        print_shop.enqueue(address=rr.recipient_address, pdf=assemble_pdf(rr))
    else:
        logger.error("records request %s has unknown delivery method %r", rr.pk, method)
        return

    rr.mark_fulfilled()
    logger.info("records request %s fulfilled via %s", rr.pk, method)
