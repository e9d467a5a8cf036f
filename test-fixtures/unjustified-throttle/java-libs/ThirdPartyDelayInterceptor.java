package org.example.fhir.interceptors;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;
import java.util.concurrent.TimeUnit;

@Interceptor
public class ThirdPartyDelayInterceptor {

    private static final Set<String> OWN_APPS = Set.of("mychart-mobile", "portal-web");

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void slowDownOthers(RequestDetails details) throws InterruptedException {
        String clientId = details.getHeader("X-Client-Id");
        if (!OWN_APPS.contains(clientId)) {
            // ruleid: unjustified-throttle
            TimeUnit.SECONDS.sleep(3);
        }
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean pause(RequestDetails details) throws InterruptedException {
        if (details.getHeader("X-Partner") != null) {
            // ruleid: unjustified-throttle
            Thread.sleep(5000L);
        }
        return true;
    }
}

/** A FHIR client's interceptor: back-off while calling another organisation's server. */
@Interceptor
class PartnerClientBackoff {

    @Hook(Pointcut.CLIENT_RESPONSE)
    public void onResponse(ca.uhn.fhir.rest.client.api.IHttpResponse response) throws InterruptedException {
        if (response.getStatus() == 429) {
            // ok: unjustified-throttle
            Thread.sleep(2000);
        }
    }
}
