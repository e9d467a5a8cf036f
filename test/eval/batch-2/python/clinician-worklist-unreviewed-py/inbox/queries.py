from results.models import LabResult


def unreviewed_for_clinician(clinician):
    """The ordering clinician's result-review worklist."""
    return LabResult.objects.filter(ordering_provider=clinician, reviewed_by_clinician=False).order_by("finalized_at")
