from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import RecordsRequest
from .tasks import fulfil_records_request


@require_POST
def create_records_request(request):
    rr = RecordsRequest.objects.create(patient=request.user.patient, scope=request.POST.get("scope", "all"))
    fulfil_records_request.delay(rr.pk)
    return JsonResponse({"id": rr.pk, "status": rr.status}, status=202)
