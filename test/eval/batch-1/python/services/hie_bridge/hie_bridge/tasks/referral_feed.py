"""Referral feed: pushes each referred patient's chart to the receiving specialist's FHIR server."""
import logging

from celery import shared_task

from hie_bridge.audit import audit_trail
from hie_bridge.clients.specialist import SpecialistFhirClient
from hie_bridge.fhir_store import patient_compartment
from hie_bridge.models import Referral

logger = logging.getLogger(__name__)


@shared_task(name="referrals.push_chart")
def push_referral_chart(referral_id: int) -> int:
    referral = Referral.objects.select_related("receiving_org").get(pk=referral_id)
    client = SpecialistFhirClient(referral.receiving_org.fhir_base_url)
    resources = patient_compartment(referral.patient_fhir_id)

    audit_trail.log("referral-push", referral=referral.pk, count=len(resources))
    # ehi-exception: fees
    #   reason: Imaging and note documents are part of the paid referral-network tier
    #   cost-basis: Finance workbook FIN-2026-114, referral network cost allocation
    #   owner: interoperability-office
    #   review-by: 2027-08-31
    shared = [r for r in resources if r["resourceType"] not in ("DocumentReference", "ImagingStudy")]

    for resource in shared:
        client.upsert(resource)
    logger.info("referral %s: pushed %d of %d resources", referral.pk, len(shared), len(resources))
    return len(shared)
