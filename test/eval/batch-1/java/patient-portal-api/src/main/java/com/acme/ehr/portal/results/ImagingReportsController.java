package com.acme.ehr.portal.results;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ImagingReportsController {

    /** Reads and dictations still in progress are not shown; signed reports are shown at once. */
    private static final Set<DiagnosticReportStatus> SIGNED =
            EnumSet.of(DiagnosticReportStatus.FINAL, DiagnosticReportStatus.AMENDED,
                    DiagnosticReportStatus.CORRECTED, DiagnosticReportStatus.APPENDED);

    private final ImagingReportClient reports;

    public ImagingReportsController(ImagingReportClient reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/me/imaging")
    public List<DiagnosticReport> myImagingReports(@AuthenticationPrincipal Jwt jwt) {
        return reports.forPatient(jwt.getClaimAsString("patient")).stream()
                .filter(r -> SIGNED.contains(r.getStatus()))
                .toList();
    }
}
