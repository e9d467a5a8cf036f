package org.example.fhir.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import org.hl7.fhir.instance.model.api.IBaseResource;

public class DocumentConsentService implements IConsentService {

    @Override
    public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices services) {
        // ruleid: data-class-filter
        if ("DocumentReference".equals(resource.fhirType())) {
            // Reported once, as the data-class filter it is.
            // ok: undocumented-denial
            return ConsentOutcome.REJECT;
        }
        // Withheld only where the patient's recorded consent directive excludes the record.
        // ok: data-class-filter
        if ("DiagnosticReport".equals(resource.fhirType()) && !services.consentPermits(request, resource)) {
            // ruleid: undocumented-denial
            return ConsentOutcome.REJECT;
        }
        return ConsentOutcome.PROCEED;
    }

    @Override
    public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices services) {
        // ruleid: data-class-filter
        // ok: undocumented-denial
        return "ImagingStudy".equals(resource.fhirType()) ? ConsentOutcome.REJECT : ConsentOutcome.PROCEED;
    }

    public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
        // ok: data-class-filter
        return "OperationOutcome".equals(request.getResourceName()) ? ConsentOutcome.REJECT : ConsentOutcome.PROCEED;
    }
}
