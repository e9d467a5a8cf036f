package org.riverbend.providers;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;

public class PatientOperations {

    @Operation(name = "$export", idempotent = true)
    public Bundle export(@IdParam IdType patient) {
        throw new NotImplementedOperationException("Patient-level export is not offered; contact HIM for a CD");
    }
}
