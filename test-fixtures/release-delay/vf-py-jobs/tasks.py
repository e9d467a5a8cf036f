from datetime import timedelta

import boto3
from celery import shared_task
from django.utils import timezone

from .models import ClinicalNote, HarmHold, LabResult
from .queues import BILLING_QUEUE_URL, PORTAL_RELEASE_QUEUE_URL
from .release_settings import INBOX_REMINDER_HOURS, LIS_RETRY_BACKOFF_SECONDS, NOTE_RELEASE_DELAY, PORTAL_RESULT_HOLD_HOURS


@shared_task
def publish_result_to_portal(result_id):
    LabResult.objects.filter(pk=result_id).update(patient_visible=True)


@shared_task
def publish_note_to_portal(note_id):
    ClinicalNote.objects.filter(pk=note_id).update(patient_visible=True)


@shared_task
def remind_ordering_provider(result_id):
    pass


@shared_task
def archive_audit_logs(export_id):
    pass


def on_lab_result_final(result):
    # ruleid: release-delay
    publish_result_to_portal.apply_async(args=[result.id], countdown=PORTAL_RESULT_HOLD_HOURS * 3600)
    # ok: release-delay
    remind_ordering_provider.apply_async(args=[result.id], countdown=INBOX_REMINDER_HOURS * 3600)
    # ok: release-delay
    archive_audit_logs.apply_async(args=[result.id], countdown=7 * 86400)


def on_note_signed(note):
    # ruleid: release-delay
    publish_note_to_portal.apply_async(args=[note.id], eta=timezone.now() + NOTE_RELEASE_DELAY)


def on_note_signed_s(note):
    # ruleid: release-delay
    publish_note_to_portal.s(note.id).apply_async(countdown=3 * 24 * 3600)


def hold_one_result(result, clinician, reason):
    # The ordering clinician decided, for this patient and this result, to hold it; the reason is recorded.
    hold = HarmHold.objects.create(result=result, determined_by=clinician, reason=reason, release_at=clinician.chosen_release_at)
    # ok: release-delay
    publish_result_to_portal.apply_async(args=[result.id], eta=hold.release_at)


@shared_task(bind=True, max_retries=5)
def push_result_to_portal_api(self, result_id):
    try:
        LabResult.objects.get(pk=result_id).push()
    except ConnectionError as exc:
        # ok: release-delay
        raise self.retry(exc=exc, countdown=LIS_RETRY_BACKOFF_SECONDS)


@shared_task
def release_held_results():
    cutoff = timezone.now() - timedelta(hours=PORTAL_RESULT_HOLD_HOURS)
    # ruleid: release-delay
    LabResult.objects.filter(portal_released=False, finalized_at__lte=cutoff).update(portal_released=True)


@shared_task
def release_individual_holds():
    # Holds a clinician placed on single results expire at the time that clinician chose.
    # ok: release-delay
    HarmHold.objects.filter(release_at__lte=timezone.now()).delete()


sqs = boto3.client("sqs")


def queue_portal_release(result):
    # ruleid: release-delay
    sqs.send_message(QueueUrl=PORTAL_RELEASE_QUEUE_URL, MessageBody=f"release-result-to-patient-portal:{result.id}", DelaySeconds=900)
    # ok: release-delay
    sqs.send_message(QueueUrl=PORTAL_RELEASE_QUEUE_URL, MessageBody=f"release-result-to-patient-portal:{result.id}", DelaySeconds=30)
    # ok: release-delay
    sqs.send_message(QueueUrl=BILLING_QUEUE_URL, MessageBody=f"post-lab-charge:{result.id}", DelaySeconds=900)


@shared_task
def publish_report(report_id):
    pass


@shared_task
def release_lab_results_to_ehr(result_id):
    pass


@shared_task
def share_results_with_referring_provider(result_id):
    pass


def on_month_end(report):
    # A quarterly business report, not a patient's report.
    # ok: release-delay
    publish_report.apply_async(args=[report.id], countdown=3 * 24 * 3600)
    # Interface pacing towards the EHR, not the patient portal.
    # ok: release-delay
    release_lab_results_to_ehr.apply_async(args=[report.id], countdown=2 * 3600)
    # ok: release-delay
    share_results_with_referring_provider.apply_async(args=[report.id], countdown=2 * 24 * 3600)
