"""django-oauth-toolkit settings for the SMART on FHIR authorization server."""

OAUTH2_PROVIDER = {
    "OAUTH2_VALIDATOR_CLASS": "oauth.validators.SmartOAuth2Validator",
    "PKCE_REQUIRED": True,
    "ACCESS_TOKEN_EXPIRE_SECONDS": 3600,
    "AUTHORIZATION_CODE_EXPIRE_SECONDS": 300,
    "REFRESH_TOKEN_EXPIRE_SECONDS": 60 * 60 * 24,
    "ROTATE_REFRESH_TOKEN": True,
    "OIDC_ENABLED": True,
    "SCOPES": {
        "openid": "OpenID Connect",
        "fhirUser": "Your FHIR user identity",
        "launch/patient": "Choose a patient at launch",
        "offline_access": "Stay connected when you are not using the app",
        "patient/Patient.rs": "Read your demographics",
        "patient/Observation.rs": "Read your results and vital signs",
        "patient/Condition.rs": "Read your problems and diagnoses",
        "patient/MedicationRequest.rs": "Read your medications",
        "patient/DocumentReference.rs": "Read your clinical notes and documents",
    },
    "DEFAULT_SCOPES": ["openid", "fhirUser", "launch/patient"],
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https", "com.northbay.app"],
}

OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
LOGIN_URL = "/accounts/login/"
