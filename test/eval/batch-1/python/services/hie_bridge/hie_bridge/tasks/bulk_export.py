"""Kick-off and execution of FHIR Bulk Data $export jobs."""
import logging
from pathlib import Path

import yaml
from celery import shared_task

from hie_bridge.bulk import ExportJob, write_ndjson_files

logger = logging.getLogger(__name__)

_CONFIG = yaml.safe_load((Path(__file__).resolve().parents[2] / "config" / "bulk_export.yaml").read_text())
EXPORT_SETTINGS = _CONFIG["bulk_export"]


def schedule_export(job: ExportJob) -> None:
    """Called by the $export kick-off endpoint after it has returned 202 Accepted."""
    run_export.apply_async(
        args=[job.pk],
        queue=EXPORT_SETTINGS["worker_queue"],
        countdown=EXPORT_SETTINGS["start_delay_seconds"],
    )
    logger.info("bulk export %s queued for group %s", job.pk, job.group_id)


@shared_task(name="bulk.run_export", acks_late=True)
def run_export(job_id: int) -> None:
    job = ExportJob.objects.get(pk=job_id)
    job.mark_in_progress()
    manifest = write_ndjson_files(
        job,
        bucket=EXPORT_SETTINGS["output_bucket"],
        max_per_file=EXPORT_SETTINGS["max_resources_per_file"],
    )
    job.complete(manifest)
