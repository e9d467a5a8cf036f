package com.acme.ehr.portal.fhir;

import static com.acme.ehr.portal.fhir.PortalResourceTypes.PATIENT_VISIBLE;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Service;

@Service
public class PatientSummaryAssembler {

    private final IGenericClient ehrClient;

    public PatientSummaryAssembler(IGenericClient ehrClient) {
        this.ehrClient = ehrClient;
    }

    /**
     * Builds the summary Bundle returned by GET /api/v1/me/summary.
     */
    public Bundle assemble(String patientId) {
        Bundle everything = ehrClient.operation()
                .onInstance("Patient/" + patientId)
                .named("$everything")
                .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
                .returnResourceType(Bundle.class)
                .useHttpGet()
                .execute();

        everything.getEntry().removeIf(entry -> !PATIENT_VISIBLE.contains(entry.getResource().getResourceType()));

        everything.setMeta(new Meta().addProfile(PortalResourceTypes.SUMMARY_PROFILE));
        everything.setType(Bundle.BundleType.SEARCHSET);
        everything.setTotal(everything.getEntry().size());
        return everything;
    }

    public Patient demographics(String patientId) {
        return ehrClient.read().resource(Patient.class).withId(patientId).execute();
    }
}
