"""Critical-value call-back tracking for the lab.

When a critical value is resulted, the lab must reach the ordering provider by
phone. If nobody has acknowledged the call within 30 minutes, escalate to the
charge nurse and then the on-call physician.
"""
import logging
from datetime import timedelta

from celery import shared_task

from hie_bridge.models import CriticalCallback
from hie_bridge.paging import page_role

logger = logging.getLogger(__name__)

ACK_WINDOW = timedelta(minutes=30)
ESCALATION_CHAIN = ("charge_nurse", "oncall_physician", "lab_medical_director")


def start_callback(callback: CriticalCallback) -> None:
    check_callback_acknowledged.apply_async(args=[callback.pk, 0], countdown=ACK_WINDOW.total_seconds())


@shared_task(name="lab.check_callback_acknowledged")
def check_callback_acknowledged(callback_id: int, level: int) -> None:
    cb = CriticalCallback.objects.get(pk=callback_id)
    if cb.acknowledged_at is not None:
        return
    if level >= len(ESCALATION_CHAIN):
        logger.error("critical callback %s unacknowledged after full escalation", cb.pk)
        return
    page_role(ESCALATION_CHAIN[level], message=f"Unacknowledged critical value for order {cb.order_number}")
    check_callback_acknowledged.apply_async(args=[cb.pk, level + 1], countdown=ACK_WINDOW.total_seconds())
