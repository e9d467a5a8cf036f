import requests
from celery import shared_task


@shared_task(bind=True, max_retries=5)
def push_ccd_to_hie(self, ccd_xml: str):
    try:
        r = requests.post("https://hie.state.example/ccd", data=ccd_xml, timeout=20, headers={"Content-Type": "application/xml"})
        r.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=2 ** self.request.retries * 30)
