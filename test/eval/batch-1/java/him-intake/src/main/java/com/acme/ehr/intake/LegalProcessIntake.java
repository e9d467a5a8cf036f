package com.acme.ehr.intake;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Requests that arrive with a subpoena, court order or other legal process are
 * reviewed by Legal before release: HIPAA 164.512(e) requires satisfactory
 * assurances or a qualified protective order for a subpoena without a court order.
 * Ordinary patient and provider requests never come through here.
 */
@Component
public class LegalProcessIntake {

    private final RabbitTemplate rabbit;
    private final String legalQueue;

    public LegalProcessIntake(RabbitTemplate rabbit, @Value("${intake.legal-process.queue}") String legalQueue) {
        this.rabbit = rabbit;
        this.legalQueue = legalQueue;
    }

    public boolean handles(IncomingRecordsRequest request) {
        return request.getSubpoena() != null
                || request.getCourtOrder() != null
                || request.getRequesterCategory() == RequesterCategory.LAW_ENFORCEMENT;
    }

    public void route(IncomingRecordsRequest request) {
        if (request.getSubpoena() != null || request.getCourtOrder() != null) {
            request.setStatus(IntakeStatus.LEGAL_REVIEW);
            rabbit.convertAndSend(legalQueue, request);
            return;
        }
        if (request.getRequesterCategory() == RequesterCategory.LAW_ENFORCEMENT) {
            request.setStatus(IntakeStatus.LEGAL_REVIEW);
            rabbit.convertAndSend(legalQueue, request);
        }
    }
}
