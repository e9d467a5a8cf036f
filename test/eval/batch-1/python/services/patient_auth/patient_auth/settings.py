"""Settings for the patient-app authorization server (SMART standalone launch)."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["auth.patients.northbay.example.org"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oauth2_provider",
    "smart_launch",
]

OAUTH2_PROVIDER = {
    "PKCE_REQUIRED": True,
    "ACCESS_TOKEN_EXPIRE_SECONDS": 3600,
    # Patient apps keep working for at least three months between sign-ins (170.315(g)(10)).
    "REFRESH_TOKEN_EXPIRE_SECONDS": 60 * 60 * 24 * 90,
    "ROTATE_REFRESH_TOKEN": True,
    "SCOPES": {
        "launch/patient": "Choose a patient at launch",
        "offline_access": "Stay connected",
        "patient/*.rs": "Read your health record",
        "openid": "OpenID Connect",
        "fhirUser": "Your FHIR identity",
    },
}

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("PATIENT_AUTH_DB", "patient_auth"),
    }
}
