from rest_framework.routers import DefaultRouter

from .views import ObservationViewSet

router = DefaultRouter(trailing_slash=False)
router.register(r"fhir/r4/Observation", ObservationViewSet, basename="observation")
urlpatterns = router.urls
