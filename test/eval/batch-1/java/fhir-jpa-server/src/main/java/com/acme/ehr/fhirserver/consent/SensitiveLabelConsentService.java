package com.acme.ehr.fhirserver.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import com.acme.ehr.fhirserver.security.SmartTokenIntrospector;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Registered through new ConsentInterceptor(sensitiveLabelConsentService) in FhirServerConfig.
 */
@Component
public class SensitiveLabelConsentService implements IConsentService {

    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /** HIV, substance use, psychiatry, sexual and reproductive health, genetics. */
    private static final Set<String> SENSITIVE = Set.of("HIV", "ETH", "PSY", "SEX", "GDIS");

    private final SmartTokenIntrospector tokens;

    public SensitiveLabelConsentService(SmartTokenIntrospector tokens) {
        this.tokens = tokens;
    }

    @Override
    public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
        return ConsentOutcome.PROCEED;
    }

    @Override
    public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource,
                                        IConsentContextServices services) {
        if (tokens.isInternalWorkforce(request)) {
            return ConsentOutcome.PROCEED;
        }
        for (IBaseCoding label : resource.getMeta().getSecurity()) {
            if (ACT_CODE.equals(label.getSystem()) && SENSITIVE.contains(label.getCode())) {
                return ConsentOutcome.REJECT;
            }
        }
        return ConsentOutcome.PROCEED;
    }

    @Override
    public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource,
                                          IConsentContextServices services) {
        return ConsentOutcome.PROCEED;
    }
}
