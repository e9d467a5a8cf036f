"""Celery task that takes in records requests from the HIE query portal and Direct inbox."""
import logging
from pathlib import Path

import yaml
from celery import shared_task

from hie_bridge.fulfilment import start_fulfilment
from hie_bridge.models import InboundRecordsRequest
from hie_bridge.worklists import assign_to_group

logger = logging.getLogger(__name__)

_WORKFLOW = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "config" / "records_requests.yaml").read_text()
)["records_requests"]


@shared_task(name="records.intake")
def intake_records_request(inbound_id: int) -> str:
    req = InboundRecordsRequest.objects.get(pk=inbound_id)
    if _WORKFLOW["require_manual_approval"] or not _WORKFLOW["auto_fulfil"]:
        req.status = "AWAITING_APPROVAL"
        req.save(update_fields=["status"])
        assign_to_group(req, _WORKFLOW["approval_group"])
        logger.info("records request %s waiting for approval by %s", req.pk, _WORKFLOW["approval_group"])
        return req.status

    start_fulfilment(req, fmt=_WORKFLOW["fulfilment"]["format"])
    return "FULFILLING"
