from django_ratelimit.decorators import ratelimit
from rest_framework import viewsets
from rest_framework.throttling import UserRateThrottle
from rest_framework.views import APIView


# ruleid: unjustified-throttle
@ratelimit(key="user", rate="20/h", block=True)
def patient_record_export(request, patient_id):
    return export_service.export(patient_id)


class ObservationViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Observation.objects.all()
    # ruleid: unjustified-throttle
    throttle_classes = [UserRateThrottle]


class LoginView(APIView):
    # ok: unjustified-throttle
    throttle_classes = [UserRateThrottle]


# ok: unjustified-throttle
@ratelimit(key="ip", rate="5/m", block=True)
def password_reset(request):
    return reset_service.start(request)
