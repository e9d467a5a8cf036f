"""Chart summary page used by affiliated providers through the community portal."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, render

from patients.models import Patient

from .summary import build_chart_summary


@login_required
def chart_summary(request, mrn: str):
    patient = get_object_or_404(Patient, mrn=mrn)
    if not request.user.has_perm("records.view_community_chart"):
        return HttpResponseForbidden()
    if patient.is_vip or patient.is_employee:
        return HttpResponseForbidden()
    summary = build_chart_summary(patient, viewer=request.user)
    return render(request, "records/chart_summary.html", {"patient": patient, "summary": summary})
