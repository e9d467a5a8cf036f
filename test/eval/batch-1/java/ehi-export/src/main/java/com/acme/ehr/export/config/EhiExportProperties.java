package com.acme.ehr.export.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Binds ehi.export.* (see application.yml for the deployed values).
 */
@ConfigurationProperties(prefix = "ehi.export")
public class EhiExportProperties {

    /** Safe default for a fresh checkout; every deployment sets it explicitly. */
    private boolean enabled = false;

    private List<String> formats = new ArrayList<>(List.of("application/fhir+ndjson"));

    private String storageBucket;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getFormats() {
        return formats;
    }

    public void setFormats(List<String> formats) {
        this.formats = formats;
    }

    public String getStorageBucket() {
        return storageBucket;
    }

    public void setStorageBucket(String storageBucket) {
        this.storageBucket = storageBucket;
    }
}
