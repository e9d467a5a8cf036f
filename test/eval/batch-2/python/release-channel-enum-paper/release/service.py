from .channels import ReleaseChannel
from .fax import send_fax
from .print_shop import queue_print


def release(request, packet):
    channel = ReleaseChannel(request.channel)
    if channel is ReleaseChannel.FAX:
        return send_fax(request.fax_number, packet.pdf)
    return queue_print(request.id, packet.pdf, pickup=channel is ReleaseChannel.PICKUP)
