from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from fastapi import APIRouter, Depends

from .auth import get_current_customer
from .directory import endpoint_bundle, list_endpoints

# ruleid: endpoint-publication
PUBLISH_SERVICE_BASE_URLS = False

# ok: endpoint-publication
SERVICE_BASE_URLS_CACHE_SECONDS = 600

router = APIRouter(prefix="/directory")


@router.get("/fhir-endpoints")
# ruleid: endpoint-publication
async def fhir_endpoints(customer=Depends(get_current_customer)):
    return await endpoint_bundle()


# ruleid: endpoint-publication
@login_required
def endpoint_directory(request):
    return JsonResponse(endpoint_bundle())


def endpoint_list_csv(request):
    rows = list_endpoints()
    # ruleid: endpoint-publication
    response = HttpResponse(content_type="text/csv")
    for row in rows:
        response.write(f"{row.name},{row.url}\n")
    return response


# ok: endpoint-publication
@router.get("/endpoint-bundle")
async def public_endpoint_bundle():
    return await endpoint_bundle()


# The FHIR API itself requires a token: not the directory.
# ok: endpoint-publication
@login_required
def patient_record(request, patient_id):
    return JsonResponse({"resourceType": "Patient", "id": patient_id})
