from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404
from fastapi import APIRouter, Depends, HTTPException, status
from rest_framework import viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from .audit import audit
from .auth import current_principal
from .models import Chart, DiagnosticReport, PatientRecord, RecordsRequest
from .serializers import PatientRecordSerializer

router = APIRouter(prefix="/fhir/r4")


@router.get("/DiagnosticReport/{report_id}")
async def read_report(report_id: str, principal=Depends(current_principal)):
    report = await DiagnosticReport.get(report_id)
    if report.is_genetic_test:
        # ruleid: undocumented-denial
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Report not available online")
    if report.subject_id != principal.patient_id:
        # ok: undocumented-denial
        raise HTTPException(status_code=403, detail="Token is not scoped to this patient")
    return report.to_fhir()


@router.get("/DocumentReference/{doc_id}")
async def read_document(doc_id: str):
    doc = await DiagnosticReport.get(doc_id)
    if doc.flagged_for_harm_review:
        audit.record_exception(
            rule="undocumented-denial",
            exception="preventing-harm",
            reason="Treating clinician determined release is likely to endanger the patient",
        )
        # ok: undocumented-denial
        raise HTTPException(status_code=403, detail="Withheld after an individual clinical determination")
    return doc.to_fhir()


class PatientRecordViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = PatientRecord.objects.all()
    serializer_class = PatientRecordSerializer

    def retrieve(self, request, *args, **kwargs):
        record = self.get_object()
        if record.restricted and not request.user.has_perm("records.view_restricted"):
            # ruleid: undocumented-denial
            raise PermissionDenied
        return Response(self.get_serializer(record).data)

    def list(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            # ok: undocumented-denial
            raise PermissionDenied("Sign in to see your records")
        return super().list(request, *args, **kwargs)


def release_chart(request, chart_id):
    chart = get_object_or_404(Chart, pk=chart_id)
    if chart.patient.is_minor and request.GET.get("requester") == "parent":
        # ruleid: undocumented-denial
        return HttpResponseForbidden()
    return JsonResponse(chart.as_fhir_bundle())


def reject_records_request(request, pk):
    records_request = get_object_or_404(RecordsRequest, pk=pk)
    # ruleid: undocumented-denial
    records_request.status = RecordsRequest.Status.REJECTED
    records_request.save(update_fields=["status"])
    return JsonResponse({"status": "rejected"})


def decline_unsegmentable_request(request, pk):
    records_request = get_object_or_404(RecordsRequest, pk=pk)
    # ok: undocumented-denial
    records_request.status = RecordsRequest.Status.DECLINED
    records_request.denial_reason = "infeasibility: segmentation; written response sent within 10 business days"
    records_request.save()
    return JsonResponse({"status": "declined"})
