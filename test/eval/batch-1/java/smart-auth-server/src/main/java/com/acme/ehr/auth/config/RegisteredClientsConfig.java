package com.acme.ehr.auth.config;

import java.time.Duration;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeds the client registered for the Bluebird personal health record app,
 * which patients use for SMART standalone launch against the patient access API.
 */
@Configuration
public class RegisteredClientsConfig {

    @Bean
    public RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        JdbcRegisteredClientRepository repo = new JdbcRegisteredClientRepository(jdbc);
        if (repo.findByClientId("bluebird-phr") == null) {
            repo.save(bluebirdPhr());
        }
        return repo;
    }

    private RegisteredClient bluebirdPhr() {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("bluebird-phr")
                .clientSecret("{bcrypt}" + System.getenv("BLUEBIRD_SECRET_HASH"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("https://app.bluebirdphr.com/oauth/callback")
                .scope("openid")
                .scope("fhirUser")
                .scope("launch/patient")
                .scope("offline_access")
                .scope("patient/*.rs")
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(true)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(60))
                        .refreshTokenTimeToLive(Duration.ofHours(8))
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }
}
