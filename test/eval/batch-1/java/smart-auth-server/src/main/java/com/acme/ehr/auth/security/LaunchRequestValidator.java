package com.acme.ehr.auth.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Checks a SMART authorization request: the client is registered, the
 * redirect URI is one it registered, and aud names our FHIR server.
 */
@Component
public class LaunchRequestValidator {

    private static final String FHIR_AUDIENCE = "https://fhir.acme-health.org/fhir/r4";

    private final RegisteredClientRepository clients;

    public LaunchRequestValidator(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    public RegisteredClient validate(String clientId, String redirectUri, String aud) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw error(OAuth2ErrorCodes.INVALID_CLIENT, "Unknown client_id");
        }
        if (!client.getRedirectUris().contains(redirectUri)) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "redirect_uri is not registered for this client");
        }
        if (aud == null || !FHIR_AUDIENCE.equals(aud.replaceAll("/$", ""))) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "aud must be " + FHIR_AUDIENCE);
        }
        return client;
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
