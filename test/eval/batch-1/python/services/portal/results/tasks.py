"""Celery tasks that publish final lab results to the patient portal."""
import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import LabResult

logger = logging.getLogger(__name__)


@shared_task(name="results.publish_to_portal")
def publish_to_portal(result_id: int) -> None:
    result = LabResult.objects.get(pk=result_id)
    if result.portal_visible:
        return
    result.portal_visible = True
    result.save(update_fields=["portal_visible"])
    logger.info("lab result %s published to portal", result.pk)


@receiver(post_save, sender=LabResult)
def schedule_portal_release(sender, instance: LabResult, created: bool, **kwargs) -> None:
    if instance.status != "final" or instance.portal_visible:
        return
    release_at = instance.finalized_at + timedelta(hours=settings.LAB_RESULT_PORTAL_DELAY_HOURS)
    publish_to_portal.apply_async(args=[instance.pk], eta=release_at)
    logger.debug("lab result %s will be published at %s", instance.pk, release_at.isoformat())
