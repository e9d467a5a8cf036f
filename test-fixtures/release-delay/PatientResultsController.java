package org.example.portal.results;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patient/results")
public class PatientResultsController {

    // ruleid: release-delay
    private static final Duration RELEASE_HOLD = Duration.ofHours(72);

    private final LabResultRepository results;
    private final ImagingReportRepository reports;

    public PatientResultsController(LabResultRepository results, ImagingReportRepository reports) {
        this.results = results;
        this.reports = reports;
    }

    @GetMapping
    public List<LabResultDto> list(@AuthenticationPrincipal PatientUser user) {
        Instant cutoff = Instant.now().minus(RELEASE_HOLD);
        // ruleid: release-delay
        return results.findByPatientIdAndIssuedBefore(user.getPatientId(), cutoff).stream().map(LabResultDto::from).toList();
    }

    @GetMapping("/imaging")
    public List<ImagingReportDto> imaging(@AuthenticationPrincipal PatientUser user) {
        return reports.findByPatientId(user.getPatientId()).stream()
                // ruleid: release-delay
                .filter(ImagingReport::isProviderReviewed)
                .map(ImagingReportDto::from)
                .toList();
    }

    @GetMapping("/pathology")
    public List<LabResultDto> pathology(@AuthenticationPrincipal PatientUser user) {
        return results.findByPatientIdAndCategory(user.getPatientId(), "pathology").stream()
                // A hold a pathologist placed on this one result, with the determination on file.
                // ok: release-delay
                .filter(r -> !r.isOnIndividualHold())
                .map(LabResultDto::from)
                .toList();
    }
}

@RestController
@RequestMapping("/api/provider/inbox")
class ProviderInboxController {

    private final LabResultRepository results;

    ProviderInboxController(LabResultRepository results) {
        this.results = results;
    }

    @GetMapping
    public List<LabResultDto> unreviewed(@AuthenticationPrincipal ClinicianUser user) {
        return results.findByOrderingProviderId(user.getId()).stream()
                // ok: release-delay
                .filter(r -> !r.isProviderReviewed())
                .map(LabResultDto::from)
                .toList();
    }
}

@Component
class HeldResultReleaseJob {

    private final LabResultRepository results;

    HeldResultReleaseJob(LabResultRepository results) {
        this.results = results;
    }

    @Scheduled(cron = "0 0 * * * *")
    void releaseHeldResults() {
        // ruleid: release-delay
        List<LabResult> due = results.findByStatusAndFinalizedAtBefore(ResultStatus.HELD, Instant.now().minus(72, ChronoUnit.HOURS));
        due.forEach(LabResult::releaseToPortal);
        results.saveAll(due);
    }

    @Scheduled(fixedDelay = 60_000)
    void purgeExpiredDownloadLinks() {
        // ok: release-delay
        results.deleteDownloadLinksCreatedBefore(Instant.now().minus(24, ChronoUnit.HOURS));
    }
}

@ConfigurationProperties("portal.results")
class PortalResultProperties {
    // ruleid: release-delay
    private int releaseDelayHours = 72;
    // ok: release-delay
    private int lisRetryDelaySeconds = 30;
    // ok: release-delay
    private int providerReleaseDelayHours = 0;
}
