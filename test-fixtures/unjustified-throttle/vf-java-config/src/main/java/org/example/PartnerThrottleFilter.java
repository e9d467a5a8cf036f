package org.example;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.filter.OncePerRequestFilter;

public class PartnerThrottleFilter extends OncePerRequestFilter {

    @Value("${fhir.throttle.partner-retry-after-seconds}")
    private long retryAfterSeconds;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/fhir/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
        if (request.getHeader("X-Partner-Id") != null) {
            // ruleid: unjustified-throttle
            response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
            response.setStatus(429);
            return;
        }
        chain.doFilter(request, response);
    }
}
