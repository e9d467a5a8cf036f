"""Appointment reminder texts. Twilio's account limit is the bottleneck here."""
import logging

from celery import shared_task
from django.conf import settings
from twilio.rest import Client

from hie_bridge.models import Appointment

logger = logging.getLogger(__name__)


@shared_task(name="reminders.send_sms", rate_limit="10/m", max_retries=3, default_retry_delay=300)
def send_appointment_reminder(appointment_id: int) -> str | None:
    appt = Appointment.objects.select_related("patient", "location").get(pk=appointment_id)
    if not appt.patient.sms_opt_in or not appt.patient.mobile_phone:
        return None
    client = Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)
    message = client.messages.create(
        to=appt.patient.mobile_phone,
        from_=settings.TWILIO_FROM_NUMBER,
        body=(
            f"Reminder: you have an appointment at {appt.location.name} on "
            f"{appt.start:%b %d at %I:%M %p}. Reply C to confirm."
        ),
    )
    logger.info("reminder %s sent for appointment %s", message.sid, appt.pk)
    return message.sid
