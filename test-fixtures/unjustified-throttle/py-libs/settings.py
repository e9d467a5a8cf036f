REST_FRAMEWORK = {
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
        "rest_framework.throttling.ScopedRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        # Framework defaults for every API: no EHI path.
        # ok: unjustified-throttle
        "anon": "100/day",
        # ok: unjustified-throttle
        "user": "1000/day",
        # ruleid: unjustified-throttle
        "patient_records": "5/hour",
        # ok: unjustified-throttle
        "password_reset": "3/hour",
    },
}
