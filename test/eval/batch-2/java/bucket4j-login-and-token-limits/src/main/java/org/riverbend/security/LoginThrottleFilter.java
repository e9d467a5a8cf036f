package org.riverbend.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/** Brute-force protection on credential endpoints only. */
public class LoginThrottleFilter extends OncePerRequestFilter {
    private final Map<String, Bucket> byIp = new ConcurrentHashMap<>();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return !(path.equals("/login") || path.equals("/oauth2/token") || path.startsWith("/password-reset"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        Bucket bucket = byIp.computeIfAbsent(req.getRemoteAddr(), ip -> Bucket.builder()
                .addLimit(Bandwidth.simple(5, Duration.ofMinutes(15))).build());
        if (!bucket.tryConsume(1)) {
            res.sendError(429, "Too many attempts");
            return;
        }
        chain.doFilter(req, res);
    }
}
