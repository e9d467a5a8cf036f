"""OAuth2 validator for the SMART authorization server (django-oauth-toolkit)."""
import logging

from oauth2_provider.models import get_application_model
from oauth2_provider.oauth2_validators import OAuth2Validator

logger = logging.getLogger(__name__)
Application = get_application_model()


class SmartOAuth2Validator(OAuth2Validator):
    def validate_client_id(self, client_id, request, *args, **kwargs):
        """Any registered application may ask for authorization."""
        try:
            request.client = Application.objects.get(client_id=client_id)
        except Application.DoesNotExist:
            logger.info("authorization request for unknown client %s", client_id)
            return False
        return True

    def validate_redirect_uri(self, client_id, redirect_uri, request, *args, **kwargs):
        registered = request.client.redirect_uris.split()
        return redirect_uri in registered

    def validate_audience(self, request, aud: str) -> bool:
        return aud.rstrip("/") == "https://fhir.northbay.example.org/fhir/r4"

    def get_additional_claims(self, request):
        claims = {}
        if "fhirUser" in request.scopes and request.user.is_authenticated:
            claims["fhirUser"] = f"Patient/{request.user.patient_profile.fhir_id}"
        return claims
