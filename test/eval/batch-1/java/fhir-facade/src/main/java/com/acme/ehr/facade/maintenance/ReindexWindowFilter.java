package com.acme.ehr.facade.maintenance;

import com.acme.ehr.facade.audit.FacadeAudit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalTime;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cerulean rebuilds its clinical search index nightly; the facade answers FHIR
 * searches with 503 while the rebuild runs.
 */
@Component
public class ReindexWindowFilter extends OncePerRequestFilter {

    private static final LocalTime WINDOW_START = LocalTime.of(2, 0);
    private static final LocalTime WINDOW_END = LocalTime.of(2, 45);

    private final Clock clock;
    private final FacadeAudit audit;

    public ReindexWindowFilter(Clock clock, FacadeAudit audit) {
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/fhir/r4/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LocalTime now = LocalTime.now(clock);
        // ehi-exception: health-it-performance
        //   reason: Cerulean's nightly search-index rebuild; searches would return partial results while it runs
        //   kind: planned-maintenance
        //   max-duration: 45 minutes
        //   agreement: Cerulean hosting agreement, schedule B (maintenance windows)
        //   owner: integration-services
        //   review-by: 2027-10-31
        if (!now.isBefore(WINDOW_START) && now.isBefore(WINDOW_END) && "GET".equals(request.getMethod())) {
            audit.auditRestriction("unjustified-throttle", "health-it-performance", request.getRequestURI());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "2700");
            return;
        }
        chain.doFilter(request, response);
    }
}
