package org.riverbend.interceptors;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;

@Interceptor
public class PatientAppVisibilityInterceptor {

    @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
    public void hideFromPatientApps(IPreResourceShowDetails details, RequestDetails request) {
        if (request.getUserData().get("smart.patient") == null) {
            return;
        }
        for (int i = 0; i < details.size(); i++) {
            IBaseResource r = details.getResource(i);
            if (r != null && ("DocumentReference".equals(r.fhirType()) || "Binary".equals(r.fhirType()))) {
                details.setResource(i, null);
            }
        }
    }
}
