package com.acme.ehr.auth.wellknown;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenID Connect discovery for the workforce SSO tenant (clinician sign-in to
 * the workspace). Served separately from the SMART discovery document.
 */
@RestController
public class OidcDiscoveryController {

    private static final String WORKFORCE_ISSUER = "https://sso.acme-health.org/workforce";

    @GetMapping("/workforce/.well-known/openid-configuration")
    public Map<String, Object> discovery() {
        return Map.of(
                "issuer", WORKFORCE_ISSUER,
                "authorization_endpoint", WORKFORCE_ISSUER + "/authorize",
                "token_endpoint", WORKFORCE_ISSUER + "/token",
                "userinfo_endpoint", WORKFORCE_ISSUER + "/userinfo",
                "jwks_uri", WORKFORCE_ISSUER + "/jwks",
                "response_types_supported", List.of("code", "id_token"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "scopes_supported", List.of("openid", "profile", "email"));
    }
}
