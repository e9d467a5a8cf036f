"""Observation read for patient apps on the portal's FHIR API."""
from rest_framework.decorators import api_view, permission_classes, renderer_classes
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .permissions import HasSmartPatientScope
from .renderers import FhirJsonRenderer
from .store import fhir_read


def _has_restricted_label(resource: dict) -> bool:
    return any(
        label.get("system") == "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
        and label.get("code") in {"R", "V"}
        for label in resource.get("meta", {}).get("security", [])
    )


@api_view(["GET"])
@permission_classes([IsAuthenticated, HasSmartPatientScope])
@renderer_classes([FhirJsonRenderer])
def read_observation(request, observation_id: str):
    observation = fhir_read("Observation", observation_id, patient_id=request.auth.patient_id)
    if _has_restricted_label(observation):
        raise PermissionDenied()
    return Response(observation)
