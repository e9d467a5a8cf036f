package org.riverbend.fhir;

import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import org.riverbend.audit.AuditService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
public class BulkStatusController {
    private final ExportJobs jobs;
    private final AuditService auditService;

    public BulkStatusController(ExportJobs jobs, AuditService auditService) {
        this.jobs = jobs;
        this.auditService = auditService;
    }

    // ehi-exception: health-it-performance
    //   reason: One vendor's app polled job status 40 times per second and starved the export workers (incident INC-20931)
    //   kind: third-party-app-impact
    //   max-duration: P30D
    //   owner: fhir-platform-team
    //   review-by: 2027-03-31
    @RateLimiter(name = "bulkStatusPerClient", fallbackMethod = "tooFast")
    @GetMapping("/fhir/r4/bulkstatus/{jobId}")
    public ResponseEntity<String> status(@PathVariable String jobId, @RequestHeader("X-Client-Id") String clientId) {
        auditService.record("unjustified-throttle", "health-it-performance", "status polling limit for " + clientId);
        return jobs.statusResponse(jobId);
    }

    ResponseEntity<String> tooFast(String jobId, String clientId, Throwable t) {
        return ResponseEntity.status(429).header("Retry-After", "10").build();
    }
}
