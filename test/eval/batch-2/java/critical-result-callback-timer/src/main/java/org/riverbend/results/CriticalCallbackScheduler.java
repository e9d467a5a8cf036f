package org.riverbend.results;

import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

@Component
public class CriticalCallbackScheduler {
    private static final Duration ESCALATE_AFTER = Duration.ofMinutes(30);
    private final TaskScheduler scheduler;
    private final PagingService paging;

    public CriticalCallbackScheduler(TaskScheduler scheduler, PagingService paging) {
        this.scheduler = scheduler;
        this.paging = paging;
    }

    /** If nobody acknowledges the critical value call-back, page the covering physician. */
    public void onCriticalResult(String resultId, String orderingProvider) {
        scheduler.schedule(() -> paging.escalateIfUnacknowledged(resultId, orderingProvider), Instant.now().plus(ESCALATE_AFTER));
    }
}
