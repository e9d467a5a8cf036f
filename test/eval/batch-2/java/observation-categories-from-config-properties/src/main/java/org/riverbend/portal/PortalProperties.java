package org.riverbend.portal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "portal")
public record PortalProperties(List<String> hiddenObservationCategories, int pageSize) {}
