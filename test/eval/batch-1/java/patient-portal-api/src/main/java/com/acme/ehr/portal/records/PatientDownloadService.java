package com.acme.ehr.portal.records;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.stereotype.Service;

/**
 * "Download my record": the patient ticks the sections they want in the file
 * on the download screen (all sections are ticked by default).
 */
@Service
public class PatientDownloadService {

    private final IGenericClient ehrClient;

    public PatientDownloadService(IGenericClient ehrClient) {
        this.ehrClient = ehrClient;
    }

    public Bundle buildDownload(String patientId, Set<RecordSection> sectionsChosenByPatient) {
        Set<RecordSection> chosen = sectionsChosenByPatient == null || sectionsChosenByPatient.isEmpty()
                ? EnumSet.allOf(RecordSection.class)
                : sectionsChosenByPatient;

        Bundle all = ehrClient.operation()
                .onInstance("Patient/" + patientId)
                .named("$everything")
                .withNoParameters(Parameters.class)
                .returnResourceType(Bundle.class)
                .execute();

        // Keep only what the patient asked to include in this download.
        all.getEntry().removeIf(e -> !chosen.contains(RecordSection.of(e.getResource())));
        return all;
    }
}
