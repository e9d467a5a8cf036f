"""Portal release of genetic test results."""
from datetime import timedelta

from django.utils import timezone

from audit.log import audit_log

from .models import LabResult

GENETIC_RESULT_HOLD = timedelta(days=14)


def releasable_genetic_results(patient):
    audit_log.record(event="ehi-exception", rule="release-delay", exception="preventing-harm", patient_id=patient.pk)
    # ehi-exception: preventing-harm
    #   reason: Genetic results are held so a genetic counselor can discuss them first
    #   risk: individual-determination
    #   harm: Distress and unsafe decisions after unexplained hereditary cancer findings
    #   basis: policy
    #   owner: genetics-clinic
    #   review-by: 2027-07-31
    cutoff = timezone.now() - GENETIC_RESULT_HOLD
    return LabResult.objects.filter(
        patient=patient,
        order__department="genetics",
        status="final",
        finalized_at__lte=cutoff,
    )
