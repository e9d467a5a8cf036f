package org.example.him.workqueue;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The HIM staff work queue: a specialist working one request decides what it needs. */
@RestController
@RequestMapping("/api/admin/him/workqueue")
@PreAuthorize("hasRole('HIM_STAFF')")
public class HimWorkqueueController {

    private final RecordsRequestRepository requests;
    private final LegalTeam legal;

    public HimWorkqueueController(RecordsRequestRepository requests, LegalTeam legal) {
        this.requests = requests;
        this.legal = legal;
    }

    @PostMapping("/{id}/escalate")
    @Transactional
    public ResponseEntity<Void> escalateToLegal(@PathVariable long id, @RequestBody EscalationForm form) {
        RecordsRequest request = requests.findById(id).orElseThrow();
        // ok: manual-review-gate
        request.setStatus(RecordsRequestStatus.LEGAL_REVIEW);
        request.setEscalationNote(form.getNote());
        // ok: manual-review-gate
        legal.sendForLegalReview(request);
        return ResponseEntity.noContent().build();
    }
}

/** Research data extracts need the IRB's approval (the Common Rule), not a routine access request. */
@RestController
@RequestMapping("/api/research/data-requests")
class ResearchDataRequestController {

    private final DataRequestRepository requests;

    ResearchDataRequestController(DataRequestRepository requests) {
        this.requests = requests;
    }

    @PostMapping
    public ResponseEntity<Void> submit(@RequestBody DataRequestForm form) {
        DataRequest request = DataRequest.from(form);
        // ok: manual-review-gate
        request.setStatus(DataRequestStatus.PENDING_IRB_REVIEW);
        requests.save(request);
        return ResponseEntity.accepted().build();
    }
}

/** Break-the-glass access is granted at once and reviewed afterwards by the privacy office. */
@RestController
@RequestMapping("/api/fhir/break-glass")
class BreakGlassController {

    private final BreakGlassRepository events;

    BreakGlassController(BreakGlassRepository events) {
        this.events = events;
    }

    @PostMapping
    public ResponseEntity<Void> breakGlass(@RequestBody BreakGlassForm form) {
        BreakGlassEvent event = BreakGlassEvent.from(form);
        // ok: manual-review-gate
        event.setReviewStatus(ReviewStatus.PENDING_PRIVACY_REVIEW);
        events.save(event);
        return ResponseEntity.ok().build();
    }
}

/** Patient requests for a copy of their chart, from the portal. */
@RestController
@RequestMapping("/api/patient/records-requests")
class PatientRecordsRequestController {

    private final RecordsRequestRepository requests;
    private final ReviewRouter router;

    PatientRecordsRequestController(RecordsRequestRepository requests, ReviewRouter router) {
        this.requests = requests;
        this.router = router;
    }

    @PostMapping
    public ResponseEntity<Void> submit(@RequestBody RecordsRequestForm form) {
        RecordsRequest request = requests.save(RecordsRequest.from(form));
        // ruleid: manual-review-gate
        router.queueForManualReview(request);
        return ResponseEntity.accepted().build();
    }
}
