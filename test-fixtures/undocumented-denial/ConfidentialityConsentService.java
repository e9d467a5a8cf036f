package org.example.fhir.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class ConfidentialityConsentService implements IConsentService {

    private static final Logger ourLog = LoggerFactory.getLogger(ConfidentialityConsentService.class);
    private static final String V3_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    private static final String LOINC = "http://loinc.org";

    @Override
    public ConsentOutcome startOperation(RequestDetails theRequestDetails, IConsentContextServices theContextServices) {
        String authorization = theRequestDetails.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            // ok: undocumented-denial
            return ConsentOutcome.REJECT;
        }
        return ConsentOutcome.PROCEED;
    }

    @Override
    public ConsentOutcome canSeeResource(RequestDetails theRequestDetails, IBaseResource theResource, IConsentContextServices theContextServices) {
        if (theResource.getMeta().getSecurity(V3_CONFIDENTIALITY, "R") != null) {
            // ruleid: undocumented-denial
            return ConsentOutcome.REJECT;
        }
        if (theResource instanceof Observation obs && obs.getCategoryFirstRep().hasCoding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")) {
            // ruleid: undocumented-denial
            return new ConsentOutcome(ConsentOperationStatus.REJECT);
        }
        // Psychotherapy notes are not EHI (45 CFR 171.102).
        if (theResource instanceof DocumentReference doc && doc.getType().hasCoding(LOINC, "11488-4") && isPsychotherapyNote(doc)) {
            // ok: undocumented-denial
            return ConsentOutcome.REJECT;
        }
        if (theResource.getMeta().getSecurity(V3_CONFIDENTIALITY, "V") != null) {
            ourLog.info("privacy exception (unreviewable-denial): very restricted record {} withheld", theResource.getIdElement());
            // ok: undocumented-denial
            return ConsentOutcome.REJECT;
        }
        return ConsentOutcome.PROCEED;
    }

    @Override
    public ConsentOutcome willSeeResource(RequestDetails theRequestDetails, IBaseResource theResource, IConsentContextServices theContextServices) {
        // ok: undocumented-denial
        // ruleid: exception-unaudited
        // ehi-exception: privacy
        //   reason: Reproductive-health encounters withheld from out-of-state requestors at the patient's request
        //   sub-exception: individual-request
        //   owner: privacy-office
        //   review-by: 2027-03-31
        if (isReproductiveHealth(theResource) && isOutOfStateRequestor(theRequestDetails)) return ConsentOutcome.REJECT;
        return ConsentOutcome.PROCEED;
    }

    private boolean isPsychotherapyNote(DocumentReference doc) {
        return doc.getCategoryFirstRep().hasCoding(LOINC, "11488-4");
    }

    private boolean isReproductiveHealth(IBaseResource resource) {
        return resource.getMeta().getSecurity("http://terminology.hl7.org/CodeSystem/v3-ActCode", "SEX") != null;
    }

    private boolean isOutOfStateRequestor(RequestDetails details) {
        return !"MA".equals(details.getHeader("X-Requestor-State"));
    }
}

// A provider directory: it stores no patient data, and refuses everything but directory resources.
class DirectoryConsentService implements IConsentService {
    @Override
    public ConsentOutcome canSeeResource(RequestDetails theRequestDetails, IBaseResource theResource, IConsentContextServices theContextServices) {
        if (theResource instanceof Organization || theResource instanceof Practitioner || theResource instanceof Endpoint) {
            return ConsentOutcome.AUTHORIZED;
        } else {
            // ok: undocumented-denial
            return ConsentOutcome.REJECT;
        }
    }
}
