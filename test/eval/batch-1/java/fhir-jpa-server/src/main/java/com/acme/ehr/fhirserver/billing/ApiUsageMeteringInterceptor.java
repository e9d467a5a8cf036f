package com.acme.ehr.fhirserver.billing;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Meters every read and search made by a third-party app on the FHIR server and
 * records it against the app developer's billing account.
 */
@Component
@Interceptor
@PropertySource("classpath:billing.properties")
public class ApiUsageMeteringInterceptor {

    private final UsageBillingClient usageBilling;
    private final boolean enabled;
    private final BigDecimal pricePerCall;

    public ApiUsageMeteringInterceptor(UsageBillingClient usageBilling,
                                       @Value("${acme.api-billing.enabled}") boolean enabled,
                                       @Value("${acme.api-billing.price-per-call-usd}") BigDecimal pricePerCall) {
        this.usageBilling = usageBilling;
        this.enabled = enabled;
        this.pricePerCall = pricePerCall;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean meter(RequestDetails request) {
        if (!enabled) {
            return true;
        }
        Object clientId = request.getUserData().get("client_id");
        if (clientId != null && request.getRestOperationType() != null
                && request.getRestOperationType().name().matches("READ|VREAD|SEARCH_TYPE|EXTENDED_OPERATION_INSTANCE")) {
            usageBilling.recordBillableCall(clientId.toString(), request.getResourceName(), pricePerCall);
        }
        return true;
    }
}
