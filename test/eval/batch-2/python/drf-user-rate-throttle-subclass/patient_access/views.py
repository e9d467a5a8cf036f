from rest_framework.decorators import api_view, throttle_classes
from rest_framework.response import Response

from .everything import patient_everything
from .throttles import PatientAppThrottle


@api_view(["GET"])
@throttle_classes([PatientAppThrottle])
def everything(request, patient_id):
    """GET /api/patient-access/<patient_id>/everything"""
    return Response(patient_everything(patient_id, request.user))
