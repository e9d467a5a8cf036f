from rest_framework.throttling import UserRateThrottle


class PatientAppThrottle(UserRateThrottle):
    rate = "20/day"
