package com.acme.ehr.auth.wellknown;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SMART App Launch discovery document for https://fhir.acme-health.org/fhir/r4.
 */
@RestController
public class SmartConfigurationController {

    private final String issuer;

    public SmartConfigurationController(@Value("${acme.auth.issuer}") String issuer) {
        this.issuer = issuer;
    }

    @GetMapping("/fhir/r4/.well-known/smart-configuration")
    public ResponseEntity<Map<String, Object>> smartConfiguration() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("jwks_uri", issuer + "/oauth2/jwks");
        doc.put("authorization_endpoint", issuer + "/oauth2/authorize");
        doc.put("token_endpoint", issuer + "/oauth2/token");
        doc.put("introspection_endpoint", issuer + "/oauth2/introspect");
        doc.put("grant_types_supported", List.of("authorization_code"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "private_key_jwt"));
        doc.put("scopes_supported", List.of("openid", "fhirUser", "launch", "user/*.rs"));
        doc.put("response_types_supported", List.of("code"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("capabilities", List.of(
                "launch-ehr",
                "client-confidential-symmetric",
                "client-confidential-asymmetric",
                "context-ehr-patient",
                "context-ehr-encounter",
                "sso-openid-connect",
                "permission-user",
                "permission-v2"));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(doc);
    }
}
