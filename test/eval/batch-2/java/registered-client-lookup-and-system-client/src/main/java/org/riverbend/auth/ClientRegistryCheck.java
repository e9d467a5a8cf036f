package org.riverbend.auth;

import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

public class ClientRegistryCheck {
    private final RegisteredClientRepository clients;

    public ClientRegistryCheck(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    public boolean isKnown(String clientId, String redirectUri) {
        RegisteredClient client = clients.findByClientId(clientId);
        return client != null && client.getRedirectUris().contains(redirectUri);
    }

    public static RegisteredClient warehouseLoader() {
        return RegisteredClient.withId("warehouse-loader")
                .clientId("warehouse-loader")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("system/*.rs")
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5)).build())
                .build();
    }
}
