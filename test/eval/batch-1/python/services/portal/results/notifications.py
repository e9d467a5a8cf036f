"""Patient notifications about new results.

The result itself is visible in the portal as soon as it is final; this only
decides when we send the "you have a new result" e-mail, so patients are not
woken at 3 a.m. by an overnight lab run.
"""
from datetime import datetime, time, timedelta

from celery import shared_task
from django.utils import timezone

from notifications.email import send_templated

QUIET_HOURS_END = time(7, 30)


def next_send_time(now: datetime) -> datetime:
    local = timezone.localtime(now)
    if local.hour < 7 or (local.hour == 7 and local.minute < 30):
        return local.replace(hour=7, minute=30, second=0, microsecond=0)
    if local.hour >= 21:
        return (local + timedelta(days=1)).replace(hour=7, minute=30, second=0, microsecond=0)
    return local


@shared_task(name="results.notify_new_result")
def notify_new_result(patient_id: int, result_id: int) -> None:
    send_templated("new_result", patient_id=patient_id, context={"result_id": result_id})


def queue_new_result_notice(result) -> None:
    notify_new_result.apply_async(args=[result.patient_id, result.pk], eta=next_send_time(timezone.now()))
