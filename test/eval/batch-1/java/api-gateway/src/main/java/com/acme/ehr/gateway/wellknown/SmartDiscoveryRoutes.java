package com.acme.ehr.gateway.wellknown;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The edge answers SMART discovery itself so apps do not depend on the
 * authorization server being reachable to discover it.
 */
@Configuration
public class SmartDiscoveryRoutes {

    private static final String AUTH = "https://auth.acme-health.org";

    static final Map<String, Object> SMART_CONFIGURATION = Map.ofEntries(
            Map.entry("issuer", AUTH),
            Map.entry("jwks_uri", AUTH + "/oauth2/jwks"),
            Map.entry("authorization_endpoint", AUTH + "/oauth2/authorize"),
            Map.entry("token_endpoint", AUTH + "/oauth2/token"),
            Map.entry("revocation_endpoint", AUTH + "/oauth2/revoke"),
            Map.entry("registration_endpoint", AUTH + "/connect/register"),
            Map.entry("grant_types_supported", List.of("authorization_code", "client_credentials")),
            Map.entry("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "private_key_jwt", "none")),
            Map.entry("scopes_supported", List.of("openid", "fhirUser", "launch", "launch/patient",
                    "offline_access", "patient/*.rs", "user/*.rs")),
            Map.entry("response_types_supported", List.of("code")),
            Map.entry("code_challenge_methods_supported", List.of("plain")),
            Map.entry("capabilities", List.of("launch-ehr", "launch-standalone", "client-public",
                    "client-confidential-symmetric", "context-ehr-patient", "context-standalone-patient",
                    "sso-openid-connect", "permission-offline", "permission-patient", "permission-user",
                    "permission-v2")));

    @Bean
    public RouterFunction<ServerResponse> smartDiscovery() {
        return route(GET("/fhir/r4/.well-known/smart-configuration"),
                req -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(SMART_CONFIGURATION));
    }
}
