package com.acme.ehr.archive.config;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Storage settings for the FHIR server that fronts the clinical data archive
 * (records older than seven years, read by the portal's "older records" tab).
 */
@Configuration
public class ArchiveStorageConfig {

    @Bean
    @Primary
    public JpaStorageSettings archiveStorageSettings() {
        JpaStorageSettings settings = new JpaStorageSettings();
        settings.setAllowExternalReferences(true);
        settings.setIndexMissingFields(JpaStorageSettings.IndexEnabledEnum.DISABLED);
        settings.setReuseCachedSearchResultsForMillis(120_000L);
        settings.setExpungeEnabled(false);

        // Archive is read-mostly; batch export jobs are not run here.
        settings.setEnableTaskBulkExportJobExecution(false);
        settings.setEnableTaskBulkImportJobExecution(false);

        settings.setEnableTaskResourceReindexing(true);
        return settings;
    }
}
