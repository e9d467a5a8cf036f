"""Assembles the searchset Bundle returned to patient-facing apps."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from ..constants import PORTAL_RESOURCE_TYPES
from ..upstream import EhrFhirClient


def _entry(resource: dict, base_url: str) -> dict:
    return {
        "fullUrl": f"{base_url}/{resource['resourceType']}/{resource['id']}",
        "resource": resource,
        "search": {"mode": "match"},
    }


async def build_patient_bundle(client: EhrFhirClient, patient_id: str, base_url: str) -> dict:
    """Return everything in the patient's compartment that the app may see."""
    upstream = await client.patient_everything(patient_id)
    resources = [e["resource"] for e in upstream.get("entry", [])]

    visible = [r for r in resources if r.get("resourceType") in PORTAL_RESOURCE_TYPES]

    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "type": "searchset",
        "timestamp": datetime.now(timezone.utc).isoformat(),
        "total": len(visible),
        "entry": [_entry(r, base_url) for r in visible],
    }
