package org.example.him.records;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/records")
public class RecordsWorkflowController {

    private final RecordsRequestRepository repo;
    private final FeeWaiverRepository waivers;
    private final WorkflowService workflowService;
    private final EmailService emailService;

    public RecordsWorkflowController(RecordsRequestRepository repo, FeeWaiverRepository waivers, WorkflowService workflowService, EmailService emailService) {
        this.repo = repo;
        this.waivers = waivers;
        this.workflowService = workflowService;
        this.emailService = emailService;
    }

    @PostMapping("/requests")
    public void create(@RequestBody RecordsRequestForm form) {
        RecordsRequest request = repo.save(RecordsRequest.from(form));
        // Every request starts a BPM process whose first task is a person's review.
        // ruleid: manual-review-gate
        workflowService.startProcess("records-request-review", request.getId());
        // ok: manual-review-gate
        emailService.send("him-review@example.org", "New records request", request.toString());
    }

    @PostMapping("/requests/{id}/fee-waiver")
    public void feeWaiver(@PathVariable long id) {
        FeeWaiver waiver = new FeeWaiver(id);
        // A waiver of a fee is a benefit the patient asks for; the records request itself goes on.
        // ok: manual-review-gate
        waiver.setStatus(WaiverStatus.PENDING_APPROVAL);
        waivers.save(waiver);
    }
}
