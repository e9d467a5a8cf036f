package org.acme.portal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.TaskScheduler;

public class ResultReleaseScheduler {
    private final TaskScheduler scheduler;
    private final PortalPublisher publisher;

    public ResultReleaseScheduler(TaskScheduler scheduler, PortalPublisher publisher) {
        this.scheduler = scheduler; this.publisher = publisher;
    }

    public void onFinal(String resultId) {
        scheduler.schedule(() -> publisher.releaseToPatient(resultId), Instant.now().plus(Duration.ofDays(3)));
    }
}
