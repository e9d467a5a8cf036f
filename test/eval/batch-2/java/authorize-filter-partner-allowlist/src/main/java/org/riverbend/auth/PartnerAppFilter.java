package org.riverbend.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

public class PartnerAppFilter extends OncePerRequestFilter {

    private static final Set<String> PARTNER_CLIENT_IDS = Set.of("epic-mychart-bridge", "healthvault-sync", "riverbend-app");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getServletPath().equals("/oauth2/authorize");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        if (!PARTNER_CLIENT_IDS.contains(req.getParameter("client_id"))) {
            res.sendError(403, "unauthorized_client");
            return;
        }
        chain.doFilter(req, res);
    }
}
