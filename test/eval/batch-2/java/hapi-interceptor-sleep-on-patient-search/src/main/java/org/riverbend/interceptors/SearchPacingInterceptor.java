package org.riverbend.interceptors;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;

/** Slows down patient-facing searches so the reporting jobs keep their DB share. */
@Interceptor
public class SearchPacingInterceptor {

    private static final long PATIENT_SEARCH_PAUSE_MS = 1500L;

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void pace(RequestDetails details, RestOperationTypeEnum op) throws InterruptedException {
        if (op == RestOperationTypeEnum.SEARCH_TYPE && details.getUserData().get("smart.patient") != null) {
            Thread.sleep(PATIENT_SEARCH_PAUSE_MS);
        }
    }
}
