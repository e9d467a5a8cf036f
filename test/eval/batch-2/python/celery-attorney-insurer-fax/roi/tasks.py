from celery import shared_task

from .fax import fax_client
from .models import ReleaseRequest
from .packets import build_packet
from .portal import publish_to_portal


@shared_task
def deliver_release(request_id: int):
    req = ReleaseRequest.objects.get(pk=request_id)
    packet = build_packet(req)
    if req.requester_type in ("attorney", "insurer", "employer"):
        fax_client.send(req.fax_number, packet.pdf)
        return "fax"
    publish_to_portal(req.patient_id, packet)
    return "portal"
