"""Delayed jobs: a held records-request fulfilment is a throttle; notifications, clean-up and billing answer no request."""
from celery import shared_task

from .records import build_packet, send_sms, purge_exports, render_statement

RECORDS_HOLD_SECONDS = 3 * 24 * 3600


@shared_task
def fulfil_records_request(request_id):
    build_packet(request_id)


@shared_task
def notify_new_records(patient_id):
    send_sms(patient_id, "Your records are ready in the portal.")


@shared_task
def purge_expired_patient_exports():
    purge_exports()


@shared_task
def generate_patient_statement(patient_id):
    render_statement(patient_id)


def on_records_request(request):
    # ruleid: unjustified-throttle
    fulfil_records_request.apply_async(args=[request.id], countdown=RECORDS_HOLD_SECONDS)
    # Batching the text message: the records themselves are not held.
    # ok: unjustified-throttle
    notify_new_records.apply_async(args=[request.patient_id], countdown=2 * 3600)


def nightly(patient_id):
    # ok: unjustified-throttle
    purge_expired_patient_exports.apply_async(countdown=7 * 24 * 3600)
    # ok: unjustified-throttle
    generate_patient_statement.apply_async(args=[patient_id], countdown=3 * 24 * 3600)
