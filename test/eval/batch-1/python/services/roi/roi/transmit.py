"""Electronic-first transmission of release packets, with fax as the last resort."""
import logging

import requests

from .transports import direct_client, fax_transport

log = logging.getLogger(__name__)


class DeliveryFailed(RuntimeError):
    pass


def transmit_packet(release_request, packet) -> str:
    """Try the requester's electronic address first; fax only if that fails."""
    recipient = release_request.recipient
    if recipient.get("direct_address"):
        try:
            direct_client.send(
                to=recipient["direct_address"],
                subject=f"Records for request {release_request.id}",
                attachments=[packet.as_ccda()],
            )
            return "direct"
        except (direct_client.DirectSendError, requests.RequestException) as exc:
            log.warning("Direct delivery failed for %s: %s", release_request.id, exc)

    if recipient.get("fhir_endpoint"):
        try:
            resp = requests.post(
                f"{recipient['fhir_endpoint'].rstrip('/')}/Bundle",
                json=packet.as_fhir_bundle(),
                headers={"Content-Type": "application/fhir+json"},
                timeout=30,
            )
            resp.raise_for_status()
            return "fhir"
        except requests.RequestException as exc:
            log.warning("FHIR push failed for %s: %s", release_request.id, exc)

    if recipient.get("fax_number"):
        fax_transport.send(to=recipient["fax_number"], document=packet.as_pdf())
        return "fax"

    raise DeliveryFailed(f"no working delivery route for request {release_request.id}")
