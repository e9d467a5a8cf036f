"""Clinician in-basket: results waiting for the ordering provider's review."""
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render

from results.models import LabResult


@login_required
@permission_required("results.review_labresult", raise_exception=True)
def unreviewed_results(request):
    """The ordering clinician's worklist of results they have not signed off yet."""
    pending = (
        LabResult.objects.filter(
            order__ordering_provider=request.user.provider_profile,
            status="final",
            reviewed_by_clinician__isnull=True,
        )
        .select_related("patient", "order")
        .order_by("-abnormal_flag", "finalized_at")
    )
    return render(
        request,
        "inbox/unreviewed_results.html",
        {"results": pending, "count": pending.count()},
    )


@login_required
@permission_required("results.review_labresult", raise_exception=True)
def mark_reviewed(request, result_id: int):
    result = LabResult.objects.get(pk=result_id, order__ordering_provider=request.user.provider_profile)
    result.mark_reviewed(by=request.user)
    return render(request, "inbox/_row_reviewed.html", {"result": result})
