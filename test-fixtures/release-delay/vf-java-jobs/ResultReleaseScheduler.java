package org.example.portal.release;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.quartz.DateBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
public class ResultReleaseScheduler {

    private final Scheduler quartz;
    private final TaskScheduler taskScheduler;
    private final LabResultRepository results;
    private final ExportFileRepository exports;

    @Value("${portal.release.lab-result-hold-hours}")
    private long holdHours;

    @Value("${portal.lis.retry-backoff-hours}")
    private long retryBackoffHours;

    public ResultReleaseScheduler(Scheduler quartz, TaskScheduler taskScheduler, LabResultRepository results, ExportFileRepository exports) {
        this.quartz = quartz;
        this.taskScheduler = taskScheduler;
        this.results = results;
        this.exports = exports;
    }

    public void onResultFinal(LabResult result) throws Exception {
        JobDetail job = JobBuilder.newJob(ReleaseResultToPortalJob.class).usingJobData("resultId", result.getId()).build();
        Trigger trigger = TriggerBuilder.newTrigger()
                // ruleid: release-delay
                .startAt(DateBuilder.futureDate(4, DateBuilder.IntervalUnit.DAY))
                .build();
        quartz.scheduleJob(job, trigger);
    }

    public void onNoteSigned(ClinicalNote note) {
        // ruleid: release-delay
        taskScheduler.schedule(() -> releaseNoteToPortal(note.getId()), Instant.now().plus(Duration.ofDays(3)));
        // ok: release-delay
        taskScheduler.schedule(() -> remindCosigner(note.getId()), Instant.now().plus(Duration.ofDays(3)));
    }

    public void onPushFailed(LabResult result) {
        // ok: release-delay
        taskScheduler.schedule(() -> retryPortalPush(result.getId()), Instant.now().plus(Duration.ofHours(retryBackoffHours)));
    }

    public void holdOne(LabResult result, IndividualHarmDetermination determination) {
        // A clinician's determination for this one result, with its reason recorded.
        // ok: release-delay
        taskScheduler.schedule(() -> releaseNoteToPortal(result.getId()), determination.getReleaseAt());
    }

    @Scheduled(cron = "0 0 * * * *")
    public void releaseHeldResults() {
        // ruleid: release-delay
        List<LabResult> due = results.findByPortalReleasedFalseAndFinalizedAtBefore(Instant.now().minus(Duration.ofHours(holdHours)));
        due.forEach(LabResult::releaseToPortal);
    }

    @Scheduled(cron = "0 30 2 * * *")
    public void purgeExports() {
        // ok: release-delay
        exports.deleteByCreatedAtBefore(Instant.now().minus(Duration.ofHours(holdHours)));
    }

    public void queueRelease(SqsClient sqs, LabResult result) {
        // ruleid: release-delay
        sqs.sendMessage(SendMessageRequest.builder().queueUrl("https://sqs.us-east-1.amazonaws.com/1/patient-portal-release").messageBody(result.getId()).delaySeconds(900).build());
        // ok: release-delay
        sqs.sendMessage(SendMessageRequest.builder().queueUrl("https://sqs.us-east-1.amazonaws.com/1/claims-billing").messageBody(result.getId()).delaySeconds(900).build());
    }

    private void releaseNoteToPortal(String id) {}
    private void remindCosigner(String id) {}
    private void retryPortalPush(String id) {}
}
