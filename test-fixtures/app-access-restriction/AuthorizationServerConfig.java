package org.acme.auth;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

@Configuration
public class AuthorizationServerConfig {

  // SMART on FHIR patient-facing clients of the Acme EHR.
  @Bean
  public InMemoryRegisteredClientRepository registeredClients() {
    RegisteredClient patientApp = RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId("acme-patient-app")
        .clientSecret("{bcrypt}$2a$10$abcdefghijklmnopqrstuv")
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUri("https://apps.acme.example/callback")
        .scope("launch/patient")
        .scope("patient/*.read")
        .scope("offline_access")
        .tokenSettings(TokenSettings.builder()
            .accessTokenTimeToLive(Duration.ofMinutes(10))
            // ruleid: app-access-restriction
            .refreshTokenTimeToLive(Duration.ofHours(1))
            .build())
        .build();

    RegisteredClient thirdPartyApp = RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId("registered-third-party")
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUri("https://thirdparty.example/cb")
        .scope("patient/*.read")
        .tokenSettings(TokenSettings.builder()
            // ok: app-access-restriction
            .refreshTokenTimeToLive(Duration.ofDays(120))
            .build())
        .build();

    RegisteredClient populationExport = RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId("population-health")
        .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scope("system/*.read")
        .tokenSettings(TokenSettings.builder()
            // ok: app-access-restriction
            .refreshTokenTimeToLive(Duration.ofMinutes(5))
            .build())
        .build();

    return new InMemoryRegisteredClientRepository(patientApp, thirdPartyApp, populationExport);
  }
}

class ApprovedAppAuthorizationValidator {
  private static final Set<String> ALLOWED_CLIENT_IDS = Set.of("acme-patient-app", "acme-kiosk");

  public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    String clientId = context.getRegisteredClient().getClientId();
    // ruleid: app-access-restriction
    if (!ALLOWED_CLIENT_IDS.contains(clientId)) {
      throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT));
    }
  }
}
