package com.example.fhir.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
public class DirectorySecurityConfig {
    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
            // ruleid: endpoint-publication
            .requestMatchers("/fhir-endpoints/**").authenticated()
            // ok: endpoint-publication
            .requestMatchers("/endpoint-bundle").permitAll()
            // ok: endpoint-publication
            .requestMatchers("/fhir/r4/**").authenticated());
        return http.build();
    }
}
