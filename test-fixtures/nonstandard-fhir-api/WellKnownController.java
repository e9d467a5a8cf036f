package org.acme.auth.web;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class WellKnownController {

  @Value("${acme.auth.issuer}")
  private String issuer;

  @GetMapping("/fhir/.well-known/smart-configuration")
  public ResponseEntity<Map<String, Object>> smartConfiguration() {
    // ruleid: nonstandard-fhir-api
    return ResponseEntity.ok(Map.of(
        "authorization_endpoint", issuer + "/oauth2/authorize",
        "token_endpoint", issuer + "/oauth2/token",
        "grant_types_supported", List.of("authorization_code"),
        "capabilities", List.of("launch-standalone", "client-confidential-symmetric", "context-standalone-patient",
            "permission-patient", "permission-offline")));
  }

  @GetMapping("/.well-known/oauth-authorization-server")
  public ResponseEntity<Map<String, Object>> oauthMetadata() {
    // ok: nonstandard-fhir-api
    return ResponseEntity.ok(Map.of(
        "issuer", issuer,
        "authorization_endpoint", issuer + "/oauth2/authorize",
        "token_endpoint", issuer + "/oauth2/token",
        "code_challenge_methods_supported", List.of("plain", "S256")));
  }
}
