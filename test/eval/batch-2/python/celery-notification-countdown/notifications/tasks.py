from celery import shared_task

from .sms import send_sms


@shared_task
def notify_new_results(patient_id: int):
    send_sms(patient_id, "You have new results in the Riverbend portal.")


def on_result_released(result):
    # the result is already visible; batch the text so a panel of 12 results sends one message
    notify_new_results.apply_async(args=[result.patient_id], countdown=2 * 3600)
