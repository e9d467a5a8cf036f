package org.example.gateway;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class FhirGatewayRoutes {

    @Bean
    public RouteLocator routes(RouteLocatorBuilder builder, RedisRateLimiter limiter) {
        return builder.routes()
            .route("fhir", r -> r.path("/fhir/**")
                // ruleid: unjustified-throttle
                .filters(f -> f.requestRateLimiter(c -> c.setRateLimiter(limiter)))
                .uri("http://fhir-server:8080"))
            .route("token", r -> r.path("/oauth2/token")
                // ok: unjustified-throttle
                .filters(f -> f.requestRateLimiter(c -> c.setRateLimiter(limiter)))
                .uri("http://keycloak:8080"))
            .build();
    }
}
