package com.acme.ehr.roi.request;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RecordsRequestService {

    public enum RequestStatus { RECEIVED, AWAITING_HIM_APPROVAL, APPROVED, FULFILLED, CLOSED }

    private final RecordsRequestRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public RecordsRequestService(RecordsRequestRepository repository,
                                 ApplicationEventPublisher events,
                                 Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Intake for every records request: patients from the portal, outside
     * providers and attorneys from the web form.
     */
    @Transactional
    public RecordsRequest submit(RecordsRequestForm form) {
        RecordsRequest request = new RecordsRequest();
        request.setId(UUID.randomUUID());
        request.setPatientMrn(form.getPatientMrn());
        request.setRequesterCategory(form.getRequesterCategory());
        request.setScope(form.getScope());
        request.setDeliveryMethod(form.getRequestedMedium());
        request.setReceivedAt(Instant.now(clock));
        request.setStatus(RequestStatus.AWAITING_HIM_APPROVAL);

        RecordsRequest saved = repository.save(request);
        events.publishEvent(new RecordsRequestSubmitted(saved.getId()));
        return saved;
    }
}
