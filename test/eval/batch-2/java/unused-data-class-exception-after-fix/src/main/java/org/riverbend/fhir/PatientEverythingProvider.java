package org.riverbend.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;

public class PatientEverythingProvider {
    private final EverythingDao dao;

    public PatientEverythingProvider(EverythingDao dao) {
        this.dao = dao;
    }

    // ehi-exception: infeasibility
    //   rule: data-class-filter
    //   reason: Scanned documents from the legacy archive cannot be segmented from third-party records
    //   condition: segmentation
    //   written-response: HIM sends the reason through the portal inbox within 10 business days
    //   owner: him-department
    //   review-by: 2027-09-30
    @Operation(name = "$everything", idempotent = true)
    public Bundle everything(@IdParam IdType patientId) {
        return dao.everything(patientId.getIdPart());
    }
}
