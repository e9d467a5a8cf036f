from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from .store import delete_resource, read_resource


class ObservationDelete(APIView):
    def delete(self, request, pk):
        obs = read_resource("Observation", pk)
        if obs.get("status") == "final":
            raise PermissionDenied("Final observations are amended, not deleted.")
        delete_resource("Observation", pk)
        return Response(status=204)
