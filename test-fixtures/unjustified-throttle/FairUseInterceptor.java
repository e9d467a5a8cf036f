package org.example.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletResponse;

@Interceptor
public class FairUseInterceptor {

    private final RequestCounter counter = new RequestCounter();

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public boolean incoming(RequestDetails details, HttpServletResponse response) {
        if (counter.tooManyFrom(details.getHeader("Authorization"))) {
            // ruleid: unjustified-throttle
            response.setStatus(429);
            return false;
        }
        return true;
    }
}
