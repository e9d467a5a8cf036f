from celery import shared_task

from .fulfilment import assemble_and_deliver


@shared_task(bind=True, rate_limit="4/h", acks_late=True)
def fulfil_records_request(self, request_id: int):
    """Builds the requested record set and delivers it to the patient or their designee."""
    assemble_and_deliver(request_id)
