package org.riverbend.ingest;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

@Component
public class BundleRouter {
    private final PatientIngest patients;
    private final ClinicalIngest clinical;

    public BundleRouter(PatientIngest patients, ClinicalIngest clinical) {
        this.patients = patients;
        this.clinical = clinical;
    }

    public void route(Bundle bundle) {
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource r = entry.getResource();
            if (r instanceof Patient p) {
                patients.upsert(p);
                continue;
            }
            clinical.store(r);
        }
    }
}
