"""Assembles the searchset Bundle returned to patient-facing apps."""
from .constants import ENVELOPE_TYPES, EVERYTHING_TYPES, PORTAL_RESOURCE_TYPES


async def build_patient_bundle(client, patient_id: str) -> dict:
    upstream = await client.patient_everything(patient_id)
    resources = [e["resource"] for e in upstream.get("entry", [])]
    # ruleid: data-class-filter
    visible = [r for r in resources if r.get("resourceType") in PORTAL_RESOURCE_TYPES]
    return {"resourceType": "Bundle", "type": "searchset", "total": len(visible), "entry": [{"resource": r} for r in visible]}


async def without_envelopes(client, patient_id: str) -> dict:
    upstream = await client.patient_everything(patient_id)
    # ok: data-class-filter
    entries = [e for e in upstream.get("entry", []) if e["resource"]["resourceType"] not in ENVELOPE_TYPES]
    return {"resourceType": "Bundle", "entry": entries}


async def patient_everything(client, patient_id: str) -> dict:
    entries = []
    # ruleid: data-class-filter
    for resource_type in EVERYTHING_TYPES:
        entries.extend(await client.search(resource_type, patient=patient_id))
    return {"resourceType": "Bundle", "entry": entries}


async def count_portal_types(client, patient_id: str) -> int:
    upstream = await client.patient_everything(patient_id)
    # ok: data-class-filter
    return len([r for r in upstream["entry"] if r["resource"].get("resourceType") in PORTAL_RESOURCE_TYPES])


async def patient_summary(client, patient_id: str) -> dict:
    # ruleid: data-class-filter
    entries = [await client.search(t, patient=patient_id) for t in EVERYTHING_TYPES]
    return {"resourceType": "Bundle", "entry": entries}
