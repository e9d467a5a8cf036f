"""House-keeping for finished Bulk Data export jobs."""
import logging
from datetime import timedelta

import boto3
from celery import shared_task
from django.utils import timezone

from hie_bridge.bulk import ExportJob

logger = logging.getLogger(__name__)

# Output files stay downloadable for 72 hours after the job completes
# (the manifest's expiry is announced to the client).
OUTPUT_RETENTION = timedelta(hours=72)
STALE_JOB_TIMEOUT = timedelta(hours=12)


@shared_task(name="bulk.cleanup_expired_outputs")
def cleanup_expired_outputs() -> int:
    s3 = boto3.client("s3")
    cutoff = timezone.now() - OUTPUT_RETENTION
    removed = 0
    for job in ExportJob.objects.filter(status="completed", completed_at__lt=cutoff):
        for key in job.output_keys:
            s3.delete_object(Bucket=job.bucket, Key=key)
        job.status = "expired"
        job.save(update_fields=["status"])
        removed += 1
    for job in ExportJob.objects.filter(status="in-progress", started_at__lt=timezone.now() - STALE_JOB_TIMEOUT):
        job.fail("worker lost; client may start a new export")
    logger.info("removed outputs of %d expired export jobs", removed)
    return removed
