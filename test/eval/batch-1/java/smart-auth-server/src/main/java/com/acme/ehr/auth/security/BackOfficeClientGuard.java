package com.acme.ehr.auth.security;

import java.util.Set;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Only the hospital's own integration services may use the client_credentials
 * grant with system/ scopes (population-level access to every patient).
 * Patient apps are not affected: they use authorization_code.
 */
@Component
public class BackOfficeClientGuard {

    static final Set<String> SYSTEM_CLIENT_IDS = Set.of(
            "acme-interface-engine",
            "acme-quality-reporting",
            "acme-claims-attachments");

    public void check(OAuth2ClientCredentialsAuthenticationToken token, String clientId) {
        boolean systemScope = token.getScopes().stream().anyMatch(s -> s.startsWith("system/"));
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(token.getGrantType())
                && systemScope
                && !SYSTEM_CLIENT_IDS.contains(clientId)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
                    "system/ scopes are limited to internal integration clients", null));
        }
    }
}
