package org.riverbend.providers;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

public class PatientResourceProvider implements IResourceProvider {
    private final PatientDao dao;

    public PatientResourceProvider(PatientDao dao) {
        this.dao = dao;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        Patient patient = dao.read(id.getIdPart());
        if (dao.isVip(patient)) {
            throw new ForbiddenOperationException("Access denied");
        }
        return patient;
    }
}
