package com.acme.ehr.auth.config;

import java.time.Duration;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Builds the RegisteredClient for a patient-facing SMART app after its
 * registration passes the authenticity check.
 */
@Component
public class PatientAppClientFactory {

    static final Duration PATIENT_APP_REFRESH_TTL = Duration.ofDays(180);

    public RegisteredClient build(VerifiedAppRegistration reg) {
        RegisteredClient.Builder b = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(reg.clientId())
                .clientName(reg.clientName())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);

        if (reg.isConfidential()) {
            b.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        } else {
            b.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        reg.redirectUris().forEach(b::redirectUri);
        reg.scopes().forEach(b::scope);

        return b.clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(true)
                        .jwkSetUrl(reg.jwksUri())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(5))
                        .refreshTokenTimeToLive(PATIENT_APP_REFRESH_TTL)
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }
}
