package org.riverbend.hie;

import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

@Component
public class Part2Segmenter {
    private final ConsentRegistry consents;

    public Part2Segmenter(ConsentRegistry consents) {
        this.consents = consents;
    }

    /** 42 CFR Part 2: SUD program records need the patient's written consent naming the recipient. */
    public Bundle segment(Bundle bundle, String patientId, String recipient) {
        if (consents.hasPart2Consent(patientId, recipient)) {
            return bundle;
        }
        bundle.getEntry().removeIf(e -> e.getResource().getMeta().getSecurity().stream()
                .anyMatch(s -> "42CFRPart2".equals(s.getCode())));
        return bundle;
    }
}
