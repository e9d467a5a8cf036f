"""SMART on FHIR settings for the portal's /fhir/r4 API (imported by base.py)."""

SMART_FHIR_BASE = "https://portal.northbay.example.org/fhir/r4"
SMART_AUTHORIZE_URL = "https://auth.northbay.example.org/oauth2/authorize"

# Patient apps that may call /fhir/r4 with a patient/ scope.
SMART_APP_ALLOWLIST = [
    "northbay-mobile",
    "bluebutton-navigator",
    "carepath-diabetes",
]
