"""FHIR R4 read/search endpoints backed by the portal's clinical store."""
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .permissions import HasSmartPatientScope
from .renderers import FhirJsonRenderer
from .store import fhir_read, fhir_search
from .throttles import PatientAppBurstThrottle


class FhirResourceViewSet(viewsets.ViewSet):
    """/fhir/r4/<resource_type>/ and /fhir/r4/<resource_type>/<id>"""

    permission_classes = [IsAuthenticated, HasSmartPatientScope]
    throttle_classes = [PatientAppBurstThrottle]
    renderer_classes = [FhirJsonRenderer]

    def list(self, request, resource_type=None):
        params = request.query_params.dict()
        params["patient"] = request.auth.patient_id
        return Response(fhir_search(resource_type, params))

    def retrieve(self, request, resource_type=None, pk=None):
        resource = fhir_read(resource_type, pk, patient_id=request.auth.patient_id)
        return Response(resource)
