package org.riverbend.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "exchange.provider-requests")
public record ExchangeProperties(boolean requireManualApproval, String notify) {}
