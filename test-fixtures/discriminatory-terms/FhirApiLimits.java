package com.example.fhir.limits;

import org.springframework.stereotype.Component;

@Component
public class FhirApiLimits {
    // ruleid: discriminatory-terms
    private static final int COMPETITOR_REQUESTS_PER_MINUTE = 5;
    // ok: discriminatory-terms
    private static final int DEFAULT_REQUESTS_PER_MINUTE = 600;

    public int limitFor(ClientApp app, ServerHealth health) {
        int limit = DEFAULT_REQUESTS_PER_MINUTE;
        if (app.isCompetitor()) { // ruleid: discriminatory-terms
            limit = COMPETITOR_REQUESTS_PER_MINUTE;
        }
        if (health.cpuLoad() > 0.9) { // ok: discriminatory-terms
            limit = limit / 2;
        }
        return limit;
    }
}
