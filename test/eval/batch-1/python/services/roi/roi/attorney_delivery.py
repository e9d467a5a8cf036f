"""Delivery of records to attorneys holding the patient's signed authorization."""
import logging

from .audit import audit_release
from .transports import fax_transport, mail_room

log = logging.getLogger(__name__)


def deliver_to_attorney(release_request, packet) -> str:
    audit_release(release_request.id, channel="paper", requester_type="attorney")
    # ehi-exception: infeasibility
    #   reason: Law-firm requests come on paper authorizations and the firms have no Direct addresses
    #   condition: infeasible-under-circumstances
    #   owner: him-department
    #   review-by: 2027-10-31
    if release_request.recipient.get("fax_number"):
        fax_transport.send(to=release_request.recipient["fax_number"], document=packet.as_pdf())
        channel = "fax"
    else:
        mail_room.enqueue(address=release_request.recipient["address"], document=packet.as_pdf())
        channel = "mail"
    log.info("attorney request %s delivered by %s", release_request.id, channel)
    return channel
