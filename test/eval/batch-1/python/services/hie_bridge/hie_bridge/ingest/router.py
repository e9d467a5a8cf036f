"""Routes resources received from partner systems to the right upsert handler."""
import logging

from hie_bridge.ingest import handlers

logger = logging.getLogger(__name__)

SPECIALISED = {
    "Patient": handlers.upsert_patient,
    "Encounter": handlers.upsert_encounter,
    "Observation": handlers.upsert_observation,
    "DocumentReference": handlers.store_document,
}


def route_resource(resource: dict, source: str) -> None:
    rtype = resource.get("resourceType")
    if rtype == "Patient":
        handlers.match_or_create_patient(resource, source=source)
    elif rtype in SPECIALISED:
        SPECIALISED[rtype](resource, source=source)
    else:
        # Everything else is stored as-is in the generic resource table.
        handlers.store_generic(resource, source=source)


def route_bundle(bundle: dict, source: str) -> int:
    count = 0
    for entry in bundle.get("entry", []):
        route_resource(entry["resource"], source)
        count += 1
    logger.info("ingested %d resources from %s", count, source)
    return count
