from rest_framework.exceptions import PermissionDenied
from rest_framework.views import APIView
from rest_framework.response import Response

from .store import read_resource


class ConditionDetail(APIView):
    """GET /fhir/r4/Condition/<id>"""

    def get(self, request, pk):
        condition = read_resource("Condition", pk)
        labels = {s.get("code") for s in condition.get("meta", {}).get("security", [])}
        if labels & {"R", "V", "HIV", "PSY"}:
            raise PermissionDenied()
        return Response(condition)
