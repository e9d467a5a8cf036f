package org.example.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

public class LoginBucketFilter extends OncePerRequestFilter {

    // ok: unjustified-throttle
    private final Bandwidth attempts = Bandwidth.builder().capacity(5).refillIntervally(5, Duration.ofMinutes(15)).build();
    private final Bucket bucket = Bucket.builder().addLimit(attempts).build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
        if (bucket.tryConsume(1)) chain.doFilter(request, response);
        else response.setStatus(429);
    }
}

class ObservationBucketFilter extends OncePerRequestFilter {

    // ruleid: unjustified-throttle
    private final Bandwidth limit = Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofMinutes(1)).build();
    private final Bucket bucket = Bucket.builder().addLimit(limit).build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/fhir/Observation");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
        if (bucket.tryConsume(1)) chain.doFilter(request, response);
        else response.setStatus(429);
    }
}
