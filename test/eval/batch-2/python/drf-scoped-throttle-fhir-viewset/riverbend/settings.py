INSTALLED_APPS = ["django.contrib.contenttypes", "rest_framework", "fhirapi"]

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["fhirapi.auth.SmartTokenAuthentication"],
    "DEFAULT_THROTTLE_RATES": {
        "fhir": "30/hour",
        "anon": "100/day",
    },
}
