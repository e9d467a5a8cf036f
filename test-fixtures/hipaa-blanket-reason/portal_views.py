"""Patient portal views.

Access denied due to HIPAA is what the old portal said; this module replaces it.
"""
import logging

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from fastapi import HTTPException

logger = logging.getLogger(__name__)

# ok: hipaa-blanket-reason
PRIVACY_LINK_TEXT = "Read our Notice of Privacy Practices"


def download_records(request, patient_id):
    """Return the patient's records. Refuses with a HIPAA message if restricted."""
    if request.user.patient.records_restricted:
        # ok: hipaa-blanket-reason
        logger.info("HIPAA: download refused for %s", patient_id)
        # ruleid: hipaa-blanket-reason
        messages.error(request, "We cannot release this information for privacy reasons.")
        return redirect("portal:home")
    return HttpResponseForbidden()


def share_with_app(app_id, patient):
    if patient.share_blocked:
        # ruleid: hipaa-blanket-reason
        raise HTTPException(status_code=403, detail="HIPAA prohibits sharing these records with third-party apps")
    if patient.part2_records and not patient.part2_consent:
        # ok: hipaa-blanket-reason
        raise HTTPException(status_code=403, detail="Records covered by 42 CFR Part 2 need your written consent before they can be shared")
    if patient.is_minor:
        # ruleid: hipaa-blanket-reason
        raise HTTPException(status_code=403, detail="Sorry, HIPAA rules prevent us from sharing this")
    return {"shared": app_id}
