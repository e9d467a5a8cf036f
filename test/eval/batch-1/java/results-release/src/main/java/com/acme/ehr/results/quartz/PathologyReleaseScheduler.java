package com.acme.ehr.results.quartz;

import java.time.Duration;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a surgical pathology or cytology report is signed out, schedule its
 * release to the patient portal.
 */
@Component
public class PathologyReleaseScheduler {

    /** Gives the surgeon time to call the patient before the report is visible. */
    private static final Duration PORTAL_RELEASE_OFFSET = Duration.ofDays(7);

    private final Scheduler scheduler;

    public PathologyReleaseScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @EventListener
    public void onSignedOut(PathologyReportSignedOut event) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(ReleaseReportToPortalJob.class)
                .withIdentity("release-" + event.reportId(), "pathology-portal-release")
                .usingJobData("reportId", event.reportId())
                .usingJobData("patientId", event.patientId())
                .build();

        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity("release-trigger-" + event.reportId(), "pathology-portal-release")
                .startAt(Date.from(event.signedOutAt().plus(PORTAL_RELEASE_OFFSET)))
                .build();

        scheduler.scheduleJob(job, trigger);
    }
}
