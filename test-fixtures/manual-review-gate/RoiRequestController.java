package org.example.him.roi;

import java.time.Instant;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/roi/requests")
public class RoiRequestController {

    private final RoiRequestRepository requests;
    private final ReviewCommittee committee;
    private final FulfilmentService fulfilment;

    public RoiRequestController(RoiRequestRepository requests, ReviewCommittee committee, FulfilmentService fulfilment) {
        this.requests = requests;
        this.committee = committee;
        this.fulfilment = fulfilment;
    }

    @PostMapping
    @Transactional
    public ResponseEntity<RoiRequestDto> submit(@RequestBody RoiRequestForm form) {
        RoiRequest request = RoiRequest.from(form);
        request.setReceivedAt(Instant.now());
        // ruleid: manual-review-gate
        request.setStatus(RoiStatus.AWAITING_APPROVAL);
        requests.save(request);
        return ResponseEntity.accepted().body(RoiRequestDto.from(request));
    }

    @PostMapping("/provider")
    @Transactional
    public ResponseEntity<RoiRequestDto> providerRequest(@RequestBody RoiRequestForm form) {
        RoiRequest request = requests.save(RoiRequest.from(form));
        // ruleid: manual-review-gate
        committee.review(request);
        return ResponseEntity.accepted().body(RoiRequestDto.from(request));
    }

    @PostMapping("/court-order")
    @Transactional
    public ResponseEntity<RoiRequestDto> courtOrdered(@RequestBody RoiRequestForm form) {
        RoiRequest request = requests.save(RoiRequest.from(form));
        if (form.getSubpoenaNumber() != null) {
            // ok: manual-review-gate
            request.setStatus(RoiStatus.LEGAL_REVIEW);
        }
        return ResponseEntity.accepted().body(RoiRequestDto.from(request));
    }

    @PostMapping("/{id}/approve")
    @Transactional
    public ResponseEntity<Void> approve(@PathVariable long id) {
        RoiRequest request = requests.findById(id).orElseThrow();
        // ok: manual-review-gate
        if (request.getStatus() == RoiStatus.AWAITING_APPROVAL) {
            request.setStatus(RoiStatus.APPROVED);
            fulfilment.start(request);
        }
        return ResponseEntity.noContent().build();
    }
}

enum RoiStatus {
    RECEIVED,
    // ok: manual-review-gate
    AWAITING_APPROVAL,
    LEGAL_REVIEW,
    APPROVED,
    FULFILLED
}
