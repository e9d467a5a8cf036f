package org.example.fhir.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import org.hl7.fhir.instance.model.api.IBaseResource;

public class PatientConsentService implements IConsentService {
    private final ConsentRegistry registry;

    public PatientConsentService(ConsentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices services) {
        String patientId = registry.patientOf(resource);
        if (!registry.hasActiveConsent(patientId)) { // ruleid: consent-precondition
            return ConsentOutcome.REJECT;
        }
        return ConsentOutcome.PROCEED;
    }

    @Override
    public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices services) {
        String patientId = registry.patientOf(resource);
        // Substance-use-disorder records need the patient's written consent (42 CFR Part 2).
        if (registry.isSubstanceUseRecord(resource) && !registry.hasPart2Consent(patientId)) { // ok: consent-precondition
            // Nothing records the law in code: undocumented-denial asks for the record.
            // ruleid: undocumented-denial
            return ConsentOutcome.REJECT;
        }
        return ConsentOutcome.PROCEED;
    }
}
