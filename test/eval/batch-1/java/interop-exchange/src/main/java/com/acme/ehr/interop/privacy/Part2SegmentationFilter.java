package com.acme.ehr.interop.privacy;

import com.acme.ehr.interop.audit.ExchangeAuditService;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * Applied to every outbound provider-to-provider Bundle. Records from the
 * federally assisted SUD program (tagged 42CFRPart2 by the EHR) leave only
 * when the patient's Part 2 consent names the recipient.
 */
@Component
public class Part2SegmentationFilter {

    private final Part2RecordClassifier classifier;
    private final Part2ConsentRegistry consents;
    private final ExchangeAuditService audit;

    public Part2SegmentationFilter(Part2RecordClassifier classifier, Part2ConsentRegistry consents,
                                   ExchangeAuditService audit) {
        this.classifier = classifier;
        this.consents = consents;
        this.audit = audit;
    }

    public Bundle apply(Bundle outbound, String patientId, String recipientOrgOid) {
        boolean consented = consents.hasActiveConsent(patientId, recipientOrgOid);
        if (!consented) {
            audit.recordException("data-class-filter", "required-by-law",
                    "42 CFR Part 2 records withheld: no Part 2 consent for " + recipientOrgOid, patientId);
        }
        // ehi-exception: required-by-law
        //   reason: Part 2 program records may be disclosed only with the patient's written consent naming the recipient
        //   law: 42 CFR Part 2, 2.31 and 2.33
        //   owner: privacy-office
        //   review-by: 2027-09-30
        outbound.getEntry().removeIf(e -> !consented && classifier.isPart2Record(e.getResource()));
        return outbound;
    }
}
