package com.acme.ehr.auth.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs in front of the Spring Authorization Server endpoints.
 */
@Component
@Order(-200)
public class EndorsedAppsFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !(uri.equals("/oauth2/authorize") || uri.equals("/oauth2/token"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientId = request.getParameter("client_id");
        if (clientId != null && !EndorsedApps.CLIENT_IDS.contains(clientId)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write(
                    "{\"error\":\"unauthorized_client\",\"error_description\":\"This app is not endorsed by Acme Health\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
