from celery import shared_task
from django.conf import settings

from .models import ImagingReport


@shared_task
def publish_imaging_report_to_portal(report_id):
    ImagingReport.objects.filter(pk=report_id).update(patient_visible=True)


@shared_task
def send_imaging_report_to_referrer(report_id):
    pass


def on_imaging_report_final(report):
    # ruleid: release-delay
    publish_imaging_report_to_portal.apply_async(args=[report.id], countdown=settings.PORTAL_IMAGING_HOLD_HOURS * 3600)
    # ok: release-delay
    send_imaging_report_to_referrer.apply_async(args=[report.id], countdown=settings.PORTAL_SESSION_TIMEOUT_HOURS * 3600)
