from celery import shared_task

from .client import hie
from .shareable import is_shareable
from ..chart import encounter_bundle


@shared_task
def push_encounter_to_hie(encounter_id: str):
    bundle = encounter_bundle(encounter_id)
    bundle["entry"] = [e for e in bundle["entry"] if is_shareable(e["resource"])]
    bundle["type"] = "transaction"
    hie.post("/", json=bundle)
