"""HIM coding: charts with documentation deficiencies go to a coder; patient access is not involved."""
from rest_framework.decorators import api_view
from rest_framework.response import Response

from .models import ChartDeficiency, RecordsRequest
from .queues import coding_queue


@api_view(["POST"])
def flag_chart_deficiency(request, chart_id):
    # ok: manual-review-gate
    deficiency = ChartDeficiency.objects.create(chart_id=chart_id, status="PENDING_CODING_REVIEW")
    # ok: manual-review-gate
    coding_queue.enqueue("manual-review", deficiency.id)
    return Response(status=202)


@api_view(["POST"])
def patient_records_request(request):
    # ruleid: manual-review-gate
    records_request = RecordsRequest.objects.create(patient=request.user.patient, status="PENDING_REVIEW")
    return Response({"id": records_request.id}, status=202)
