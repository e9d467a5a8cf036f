from datetime import timedelta

from celery import shared_task

from .portal import publish_report


@shared_task
def release_report_to_portal(report_id: int):
    publish_report(report_id)


def on_pathology_signed(report):
    release_report_to_portal.apply_async(args=[report.pk], eta=report.signed_at + timedelta(days=4))
