from django.db import models
from rest_framework.decorators import api_view
from rest_framework.response import Response


class RecordsRequest(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received"
        # ok: manual-review-gate
        PENDING_REVIEW = "pending_review"
        FULFILLED = "fulfilled"

    patient = models.ForeignKey("patients.Patient", on_delete=models.CASCADE)
    recipient = models.CharField(max_length=200)
    # ruleid: manual-review-gate
    status = models.CharField(max_length=32, choices=Status.choices, default=Status.PENDING_REVIEW)


class CosignTask(models.Model):
    # A clinical note waiting for the attending's co-signature: clinical workflow, not a request for EHI.
    # ok: manual-review-gate
    status = models.CharField(max_length=32, default="pending_review")


@api_view(["POST"])
def create_records_request(request):
    records_request = RecordsRequest.objects.create(patient=request.user.patient, recipient=request.data["recipient"], status=RecordsRequest.Status.RECEIVED)
    # ruleid: manual-review-gate
    queue_for_manual_review(records_request)
    return Response({"id": records_request.id}, status=202)


@api_view(["POST"])
def create_proxy_records_request(request):
    records_request = RecordsRequest.objects.create(patient_id=request.data["patient_id"], recipient=request.data["recipient"])
    if not request.user.is_verified_proxy_for(records_request.patient):
        # ok: manual-review-gate
        records_request.status = RecordsRequest.Status.PENDING_REVIEW
        records_request.save()
    return Response({"id": records_request.id}, status=202)


@api_view(["POST"])
def reopen_records_request(request, pk):
    # ruleid: manual-review-gate
    RecordsRequest.objects.filter(pk=pk, patient=request.user.patient).update(status=RecordsRequest.Status.PENDING_REVIEW)
    return Response(status=204)


@api_view(["GET"])
def pending_records_requests(request):
    # ok: manual-review-gate
    pending = RecordsRequest.objects.filter(patient=request.user.patient, status=RecordsRequest.Status.PENDING_REVIEW)
    return Response({"count": pending.count()})


def queue_for_manual_review(records_request):
    records_request.status = RecordsRequest.Status.PENDING_REVIEW
    records_request.save()
