from rest_framework import viewsets
from rest_framework.throttling import UserRateThrottle
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


class OtpView(APIView):
    # ok: unjustified-throttle
    throttle_classes = [OtpThrottle]
