package com.acme.ehr.roi.delivery;

import com.acme.ehr.roi.config.FulfillmentProperties;
import com.acme.ehr.roi.request.RecordsRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Called by the intake controller before a request is accepted.
 */
@Component
public class FulfillmentMethodGuard {

    private final FulfillmentProperties properties;

    public FulfillmentMethodGuard(FulfillmentProperties properties) {
        this.properties = properties;
    }

    public void check(RecordsRequest request) {
        String method = request.getDeliveryMethod();
        if (!properties.allows(method)) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Delivery method " + method + " is not offered. Allowed: "
                            + String.join(", ", properties.allowedMethods()));
        }
    }
}
