from rest_framework.decorators import api_view
from rest_framework.response import Response

from .models import RecordsRequest, RequestComment


@api_view(["POST"])
def records_request(request):
    records_request = RecordsRequest.objects.create(patient=request.user.patient)
    # ruleid: manual-review-gate
    records_request.review_required = True
    records_request.save()
    return Response(status=202)


@api_view(["POST"])
def records_request_comment(request, request_id):
    comment = RequestComment.objects.create(request_id=request_id, text=request.data["text"])
    # ok: manual-review-gate
    comment.review_required = True
    comment.save()
    return Response(status=201)
