package org.acme.auth.discovery;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SmartConfigurationEndpoints {

  private static final String ISSUER = "https://auth.acme.example";

  @GetMapping("/fhir/.well-known/smart-configuration")
  public SmartConfiguration smartConfiguration() {
    // ruleid: nonstandard-fhir-api
    SmartConfiguration config = new SmartConfiguration();
    config.setAuthorizationEndpoint(ISSUER + "/authorize");
    config.setTokenEndpoint(ISSUER + "/token");
    config.setCapabilities(List.of("launch-standalone", "client-public", "context-standalone-patient", "permission-patient", "permission-offline"));
    config.setCodeChallengeMethodsSupported(List.of("S256"));
    return config;
  }

  @GetMapping("/fhir/r4/.well-known/smart-configuration")
  public SmartConfiguration smartConfigurationR4() {
    return SmartConfiguration.builder()
        .authorizationEndpoint(ISSUER + "/authorize")
        .tokenEndpoint(ISSUER + "/token")
        .grantTypesSupported(List.of("authorization_code"))
        .capabilities(List.of("launch-standalone", "client-public", "context-standalone-patient", "permission-patient", "permission-offline"))
        // ruleid: nonstandard-fhir-api
        .codeChallengeMethodsSupported(List.of("plain"))
        .build();
  }

  @GetMapping("/fhir/r4b/.well-known/smart-configuration")
  public SmartConfiguration smartConfigurationFromSettings() {
    // ok: nonstandard-fhir-api
    SmartConfiguration config = new SmartConfiguration();
    config.setAuthorizationEndpoint(ISSUER + "/authorize");
    config.setTokenEndpoint(ISSUER + "/token");
    // The rest of the document comes from the tenant's settings.
    tenantSettings.applyTo(config);
    return config;
  }
}
