package org.acme.hapi;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;

@Interceptor
public class HideDocumentsInterceptor {
    @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
    public void hide(IPreResourceShowDetails details) {
        for (int i = 0; i < details.size(); i++) {
            if ("DocumentReference".equals(details.getResource(i).fhirType())) {
                details.setResource(i, null);
            }
        }
    }
}
