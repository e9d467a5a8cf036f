"""Throttles for the portal's FHIR R4 endpoints used by patient apps."""
from rest_framework.throttling import UserRateThrottle


class PatientAppBurstThrottle(UserRateThrottle):
    scope = "patient_app_burst"
    rate = "30/hour"

    def get_cache_key(self, request, view):
        token = getattr(request, "auth", None)
        client_id = getattr(getattr(token, "application", None), "client_id", None)
        if client_id:
            return self.cache_format % {"scope": self.scope, "ident": f"{client_id}:{request.user.pk}"}
        return super().get_cache_key(request, view)
