package com.acme.ehr.results.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes finalized lab results to the patient portal on a schedule.
 */
@Component
public class PortalResultPublisherJob {

    private static final Logger log = LoggerFactory.getLogger(PortalResultPublisherJob.class);

    private final LabResultRepository results;
    private final PortalPublicationClient portal;
    private final Clock clock;
    private final Duration releaseDelay;
    private final int batchSize;

    public PortalResultPublisherJob(LabResultRepository results,
                                    PortalPublicationClient portal,
                                    Clock clock,
                                    @Value("${acme.results.patient-release-delay-hours}") long delayHours,
                                    @Value("${acme.results.batch-size:500}") int batchSize) {
        this.results = results;
        this.portal = portal;
        this.clock = clock;
        this.releaseDelay = Duration.ofHours(delayHours);
        this.batchSize = batchSize;
    }

    @Scheduled(cron = "${acme.results.publish-cron}")
    @Transactional
    public void publishDueResults() {
        Instant cutoff = Instant.now(clock).minus(releaseDelay);
        List<LabResult> due = results.findFinalUnpublishedFinalizedBefore(cutoff, batchSize);
        for (LabResult result : due) {
            portal.publish(result.getPatientId(), result.toObservation());
            result.markPublished(Instant.now(clock));
        }
        log.info("Published {} lab results finalized before {}", due.size(), cutoff);
    }
}
