package org.example.fhir;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

public class FhirRateLimitFilter extends OncePerRequestFilter {

    private final Bucket bucket = Bucket.builder()
        // ruleid: unjustified-throttle
        .addLimit(Bandwidth.classic(20, io.github.bucket4j.Refill.greedy(20, Duration.ofMinutes(1))))
        .build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/fhir/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
        if (bucket.tryConsume(1)) {
            chain.doFilter(request, response);
        } else {
            response.setStatus(429);
        }
    }
}

class LoginAttemptFilter extends OncePerRequestFilter {
    private final Bucket attempts = Bucket.builder()
        // ok: unjustified-throttle
        .addLimit(Bandwidth.classic(5, io.github.bucket4j.Refill.intervally(5, Duration.ofMinutes(15))))
        .build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals("/login");
    }
}
