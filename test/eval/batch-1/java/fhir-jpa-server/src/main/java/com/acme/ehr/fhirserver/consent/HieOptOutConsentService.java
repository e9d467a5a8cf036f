package com.acme.ehr.fhirserver.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import com.acme.ehr.fhirserver.security.SmartTokenIntrospector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Honours a patient's recorded opt-out from sharing through the state HIE.
 * The opt-out is captured at registration or in MyAcme and stored as a FHIR
 * Consent (category "hie-opt-out") for that patient.
 */
@Component
public class HieOptOutConsentService implements IConsentService {

    private final SmartTokenIntrospector tokens;
    private final PatientOptOutRegistry optOuts;

    public HieOptOutConsentService(SmartTokenIntrospector tokens, PatientOptOutRegistry optOuts) {
        this.tokens = tokens;
        this.optOuts = optOuts;
    }

    @Override
    public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
        if (!tokens.isHieGatewayClient(request)) {
            return ConsentOutcome.AUTHORIZED;
        }
        String patientId = tokens.requestedPatient(request);
        // ehi-exception: privacy
        //   reason: The patient asked not to share their record through the state HIE; the opt-out is their own written request
        //   sub-exception: individual-request
        //   owner: privacy-office
        //   review-by: 2027-12-31
        if (patientId != null && optOuts.hasActiveHieOptOut(patientId)) {
            return ConsentOutcome.REJECT;
        }
        return ConsentOutcome.PROCEED;
    }

    @Override
    public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource,
                                        IConsentContextServices services) {
        return ConsentOutcome.PROCEED;
    }
}
