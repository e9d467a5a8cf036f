from datetime import timedelta

from celery import shared_task
from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils import timezone
from django.views.generic import ListView
from rest_framework.decorators import api_view
from rest_framework.response import Response

from .models import ClinicalNote, LabResult
from .serializers import ClinicalNoteSerializer

# ruleid: release-delay
RESULT_RELEASE_DELAY = timedelta(hours=72)
# ok: release-delay
RESULT_NOTIFICATION_DELAY = timedelta(minutes=10)


class PatientResultListView(LoginRequiredMixin, ListView):
    template_name = "portal/results.html"

    def get_queryset(self):
        # ruleid: release-delay
        return LabResult.objects.filter(patient=self.request.user.patient, finalized_at__lte=timezone.now() - RESULT_RELEASE_DELAY)


@api_view(["GET"])
def my_notes(request):
    # ruleid: release-delay
    notes = ClinicalNote.objects.filter(patient=request.user.patient, signed_off_by_provider=True)
    return Response(ClinicalNoteSerializer(notes, many=True).data)


@api_view(["GET"])
def my_results(request):
    visible = []
    for result in LabResult.objects.filter(patient=request.user.patient):
        # A hold the ordering clinician placed on this result after an individual determination.
        # ok: release-delay
        if result.clinician_hold_id:
            continue
        visible.append(result)
    return Response([r.as_fhir() for r in visible])


@shared_task
def release_result_to_portal(result_id):
    LabResult.objects.filter(pk=result_id).update(released_at=timezone.now())


@shared_task
def send_result_notification(result_id):
    pass


def on_result_finalized(result):
    # ruleid: release-delay
    release_result_to_portal.apply_async(args=[result.id], countdown=72 * 3600)
    # ok: release-delay
    send_result_notification.apply_async(args=[result.id], countdown=600)
