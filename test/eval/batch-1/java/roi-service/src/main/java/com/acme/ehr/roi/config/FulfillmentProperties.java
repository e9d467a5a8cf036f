package com.acme.ehr.roi.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "roi.fulfillment")
public record FulfillmentProperties(
        List<String> allowedMethods,
        Fax fax,
        Mail mail,
        int maxPagesPerPacket) {

    public record Fax(String gatewayUrl) { }

    public record Mail(String vendor) { }

    public boolean allows(String method) {
        return allowedMethods != null
                && allowedMethods.stream().anyMatch(m -> m.equalsIgnoreCase(method));
    }
}
