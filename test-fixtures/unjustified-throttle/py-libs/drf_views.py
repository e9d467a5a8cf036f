from rest_framework import viewsets
from rest_framework.throttling import ScopedRateThrottle, UserRateThrottle
from rest_framework.views import APIView


class ThirdPartyAppThrottle(UserRateThrottle):
    # ruleid: unjustified-throttle
    rate = "20/day"
    scope = "fhir"


class OtpThrottle(UserRateThrottle):
    # ok: unjustified-throttle
    rate = "3/minute"
    scope = "otp"


class ImmunizationViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Immunization.objects.all()
    # ruleid: unjustified-throttle
    throttle_scope = "immunizations"


class ObservationViewSet(viewsets.ReadOnlyModelViewSet):
    # One view, one throttle: the classes and the scope they read are reported once.
    # ruleid: unjustified-throttle
    throttle_classes = [ScopedRateThrottle]
    # ok: unjustified-throttle
    throttle_scope = "observations"


class OtpView(APIView):
    # ok: unjustified-throttle
    throttle_classes = [OtpThrottle]
