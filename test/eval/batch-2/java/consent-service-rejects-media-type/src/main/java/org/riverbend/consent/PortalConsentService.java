package org.riverbend.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import org.hl7.fhir.instance.model.api.IBaseResource;

public class PortalConsentService implements IConsentService {

    @Override
    public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices services) {
        String type = resource.fhirType();
        if ("Media".equals(type) || "ImagingStudy".equals(type) || "DocumentReference".equals(type)) {
            return ConsentOutcome.REJECT;
        }
        return ConsentOutcome.PROCEED;
    }
}
