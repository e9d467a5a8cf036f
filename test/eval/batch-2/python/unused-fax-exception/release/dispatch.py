from .direct import send_direct
from .fax import send_fax
from .portal import publish


# ehi-exception: manner
#   rule: fax-only-manner
#   reason: Long-term care partners could only receive fax until the 2026 HISP rollout
#   requested: Direct secure message
#   alternative: Fax with a C-CDA sent by Direct once their HISP is live
#   owner: him-department
#   review-by: 2027-06-30
def dispatch(request, packet):
    if request.manner == "direct":
        return send_direct(request.direct_address, packet.ccda)
    if request.manner == "portal":
        return publish(request.patient_id, packet)
    return send_fax(request.fax_number, packet.pdf)
