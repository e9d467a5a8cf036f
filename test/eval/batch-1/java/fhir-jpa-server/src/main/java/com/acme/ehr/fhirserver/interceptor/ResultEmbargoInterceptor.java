package com.acme.ehr.fhirserver.interceptor;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import com.acme.ehr.fhirserver.security.SmartTokenIntrospector;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/**
 * Results reach patient apps only once the care team has had two days with them.
 */
@Component
@Interceptor
public class ResultEmbargoInterceptor {

    private static final Duration PATIENT_EMBARGO = Duration.ofHours(48);

    private final SmartTokenIntrospector tokens;

    public ResultEmbargoInterceptor(SmartTokenIntrospector tokens) {
        this.tokens = tokens;
    }

    @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
    public void embargoRecentResults(IPreResourceShowDetails details, RequestDetails request) {
        if (!tokens.isPatientContext(request)) {
            return;
        }
        Instant visibleBefore = Instant.now().minus(PATIENT_EMBARGO);
        for (int i = 0; i < details.size(); i++) {
            Date issued = issuedOf(details.getResource(i));
            if (issued != null && issued.toInstant().isAfter(visibleBefore)) {
                details.setResource(i, null);
            }
        }
    }

    private static Date issuedOf(IBaseResource resource) {
        if (resource instanceof Observation obs) {
            return obs.getIssued();
        }
        if (resource instanceof DiagnosticReport report) {
            return report.getIssued();
        }
        return null;
    }
}
