"""Outbound HIE push: records from the Part 2 substance-use program need patient consent."""
import logging

from celery import shared_task

from hie_bridge.audit import audit_exception
from hie_bridge.clients.hie import RegionalHieClient
from hie_bridge.consent import has_part2_consent
from hie_bridge.fhir_store import patient_compartment

logger = logging.getLogger(__name__)

PART2_LABEL = "42CFRPart2"


def _is_part2(resource: dict) -> bool:
    return any(s.get("code") == PART2_LABEL for s in resource.get("meta", {}).get("security", []))


@shared_task(name="hie.push_patient")
def push_patient_to_hie(patient_fhir_id: str) -> int:
    resources = patient_compartment(patient_fhir_id)
    consented = has_part2_consent(patient_fhir_id, recipient="regional-hie")
    if not consented:
        audit_exception(
            rule="data-class-filter",
            exception="required-by-law",
            reason="Part 2 program records withheld: no written consent for the HIE on file",
            patient=patient_fhir_id,
        )
    # ehi-exception: required-by-law
    #   reason: Records from our Part 2 program go to the HIE only with the patient's written consent
    #   law: 42 CFR Part 2 (42 CFR 2.31, 2.33)
    #   owner: compliance-office
    #   review-by: 2027-12-31
    outgoing = [r for r in resources if consented or not _is_part2(r)]

    client = RegionalHieClient.from_settings()
    for resource in outgoing:
        client.upsert(resource)
    logger.info("pushed %d resources for %s to HIE", len(outgoing), patient_fhir_id)
    return len(outgoing)
