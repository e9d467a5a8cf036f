package com.acme.ehr.fhirserver.bulk;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.acme.ehr.fhirserver.audit.EhiAuditService;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Temporary limit on $export kick-offs for two backend clients whose
 * unfiltered group exports saturated the replica (INC-20931).
 */
@Component
@Interceptor
public class BulkKickoffGuard {

    private static final Set<String> THROTTLED_CLIENTS = Set.of("vantage-analytics-prod", "northwind-pophealth");

    private final EhiAuditService auditService;
    private final Map<String, Bucket> kickoffBuckets = new ConcurrentHashMap<>();

    public BulkKickoffGuard(EhiAuditService auditService) {
        this.auditService = auditService;
    }

    // ehi-exception: health-it-performance
    //   reason: Two backend clients' unfiltered group exports saturated the read replica; their kick-offs are limited to 2 per hour until their query plans are fixed
    //   kind: third-party-app-impact
    //   max-duration: P30D
    //   ticket: INC-20931
    //   owner: fhir-platform-team
    //   review-by: 2027-06-30
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void limitKickoff(RequestDetails request) {
        if (!"$export".equals(request.getOperation())) {
            return;
        }
        String clientId = (String) request.getUserData().get("client_id");
        if (!THROTTLED_CLIENTS.contains(clientId)) {
            return;
        }
        Bucket bucket = kickoffBuckets.computeIfAbsent(clientId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(2).refillGreedy(2, Duration.ofHours(1)).build())
                .build());
        if (!bucket.tryConsume(1)) {
            auditService.record("unjustified-throttle", "health-it-performance",
                    "Export kick-off limited for " + clientId + " while replica saturation (INC-20931) is resolved");
            throw new BaseServerResponseException(429,
                    "Export kick-off limit reached for this client; retry after the hour") { };
        }
    }
}
