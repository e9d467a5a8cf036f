package com.acme.ehr.interop.inbound;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Relays the EHR's answer to a partner's query back to the partner. Warnings the
 * EHR attaches as OperationOutcome entries are logged here and not forwarded.
 */
@Component
public class TransactionResponseRelay {

    private static final Logger log = LoggerFactory.getLogger(TransactionResponseRelay.class);

    public Bundle prepareForPartner(Bundle ehrResponse, String partnerId) {
        for (BundleEntryComponent entry : ehrResponse.getEntry()) {
            if (entry.getResource() instanceof OperationOutcome oo) {
                oo.getIssue().forEach(issue ->
                        log.warn("EHR issue for partner {}: {} {}", partnerId,
                                issue.getCode(), issue.getDiagnostics()));
            }
        }

        ehrResponse.getEntry().removeIf(e -> e.getResource() != null
                && e.getResource().getResourceType() == ResourceType.OperationOutcome);

        ehrResponse.setTotal(ehrResponse.getEntry().size());
        return ehrResponse;
    }
}
