"""Nightly push of updated patient data to the regional HIE."""
import logging
from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from hie_bridge.clients.hie import RegionalHieClient
from hie_bridge.fhir_store import changed_resources

logger = logging.getLogger(__name__)

NOT_SENT_TO_HIE = ("DocumentReference", "DiagnosticReport", "ImagingStudy")


@shared_task(name="hie.push_changes")
def push_changes_to_hie(window_hours: int = 24) -> int:
    since = timezone.now() - timedelta(hours=window_hours)
    client = RegionalHieClient.from_settings()
    sent = 0

    for resource in changed_resources(since=since):
        if resource["resourceType"] in NOT_SENT_TO_HIE:
            continue
        client.upsert(resource)
        sent += 1

    logger.info("pushed %d resources to HIE since %s", sent, since.isoformat())
    return sent
