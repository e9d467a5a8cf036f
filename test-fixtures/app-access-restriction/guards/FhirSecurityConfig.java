package org.acme.fhir.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
public class FhirSecurityConfig {

  @Bean
  SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth
        .requestMatchers("/fhir/**").access(new PartnerAuthorizationManager())
        .requestMatchers("/internal/ops/**").access(new OpsConsoleAuthorizationManager())
        .anyRequest().authenticated());
    return http.build();
  }
}
