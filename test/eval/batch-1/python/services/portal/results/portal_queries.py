"""Queries for results shown on the patient's Results page."""
from django.db.models import Exists, OuterRef, QuerySet

from .models import LabResult, ResultReleaseHold


def active_holds():
    """Holds a treating clinician placed on one result for one patient.

    Each ResultReleaseHold records determined_by (the licensed clinician), the
    documented reason (risk to the patient's life or physical safety) and an
    expiry; the patient can ask for the determination to be reviewed.
    """
    return ResultReleaseHold.objects.filter(result=OuterRef("pk"), lifted_at__isnull=True)


def results_for_patient(patient) -> QuerySet[LabResult]:
    return (
        LabResult.objects.filter(patient=patient, status__in=["final", "corrected", "amended"])
        .annotate(on_hold=Exists(active_holds()))
        .filter(on_hold=False)
        .select_related("order")
        .order_by("-finalized_at")
    )


def place_hold(result: LabResult, clinician, reason: str, expires_at) -> ResultReleaseHold:
    if not clinician.is_licensed_provider:
        raise ValueError("only a licensed clinician can hold a result")
    return ResultReleaseHold.objects.create(
        result=result,
        determined_by=clinician,
        reason=reason,
        expires_at=expires_at,
    )
