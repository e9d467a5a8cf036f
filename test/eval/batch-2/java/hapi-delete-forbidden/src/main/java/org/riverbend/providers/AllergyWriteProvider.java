package org.riverbend.providers;

import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.r4.model.IdType;

public class AllergyWriteProvider {
    private final AllergyDao dao;

    public AllergyWriteProvider(AllergyDao dao) {
        this.dao = dao;
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        if (dao.isVerifiedByPharmacist(id.getIdPart())) {
            throw new ForbiddenOperationException("Verified allergies can only be entered-in-error, not deleted");
        }
        dao.delete(id.getIdPart());
        return new MethodOutcome();
    }
}
