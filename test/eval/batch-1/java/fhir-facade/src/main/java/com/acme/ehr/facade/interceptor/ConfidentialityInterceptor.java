package com.acme.ehr.facade.interceptor;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Cerulean marks some charts "confidential" (employees, public figures).
 */
@Interceptor
public class ConfidentialityInterceptor {

    private static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean checkConfidentiality(RequestDetails request, IBaseResource response) {
        if (response instanceof Resource r
                && r.getMeta().getSecurity().stream()
                        .anyMatch(c -> CONFIDENTIALITY.equals(c.getSystem()) && "V".equals(c.getCode()))) {
            String message = "Access to this record is restricted for privacy reasons.";
            OperationOutcome oo = new OperationOutcome();
            oo.addIssue()
                    .setSeverity(IssueSeverity.ERROR)
                    .setCode(IssueType.FORBIDDEN)
                    .setDiagnostics(message);
            throw new ForbiddenOperationException(message, oo);
        }
        return true;
    }
}
