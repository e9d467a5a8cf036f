package org.riverbend.jobs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
public class PortalReleaseJob {
    private final ResultRepository results;
    private final PortalGateway portal;

    public PortalReleaseJob(ResultRepository results, PortalGateway portal) {
        this.results = results;
        this.portal = portal;
    }

    /** Pushes finalized imaging and pathology reports to the portal once they are two days old. */
    @Scheduled(cron = "0 0 * * * *")
    public void releaseDue() {
        Instant threshold = Instant.now().minus(48, ChronoUnit.HOURS);
        results.findUnreleasedFinalizedBefore(threshold).forEach(r -> {
            portal.publish(r);
            results.markReleased(r.id());
        });
    }
}
