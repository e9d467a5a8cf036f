package org.riverbend.fhir;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SmartConfigurationController {

    @GetMapping(value = "/fhir/r4/.well-known/smart-configuration", produces = "application/json")
    public Map<String, Object> smartConfiguration() {
        return Map.of(
                "authorization_endpoint", "https://auth.riverbend.example/oauth2/authorize",
                "token_endpoint", "https://auth.riverbend.example/oauth2/token",
                "grant_types_supported", List.of("authorization_code"),
                "capabilities", List.of("launch-standalone", "client-confidential-symmetric", "permission-patient"),
                "code_challenge_methods_supported", List.of("plain", "S256"));
    }
}
