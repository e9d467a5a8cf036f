package com.acme.ehr.records.web;

import com.acme.ehr.records.audit.AuditTrail;
import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ImagingStudiesController {

    private final ImagingStudyService studies;
    private final AuditTrail auditTrail;

    public ImagingStudiesController(ImagingStudyService studies, AuditTrail auditTrail) {
        this.studies = studies;
        this.auditTrail = auditTrail;
    }

    // ehi-exception: health-it-performance
    //   reason: PACS migration to the new VNA; study list queries limited while both archives are indexed
    //   kind: planned-maintenance
    //   max-duration: P60D
    //   agreement: Radiology IT SLA 2025-11 section 4.2
    //   owner: imaging-platform
    //   decided: 2026-01-12
    //   review-by: 2026-04-30
    @GetMapping("/api/patients/{patientId}/imaging-studies")
    @RateLimiter(name = "imagingStudies")
    public List<ImagingStudySummary> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String patientId) {
        auditTrail.auditException("unjustified-throttle", "health-it-performance",
                "PACS migration: imaging study list rate-limited", patientId);
        return studies.listForPatient(patientId);
    }
}
