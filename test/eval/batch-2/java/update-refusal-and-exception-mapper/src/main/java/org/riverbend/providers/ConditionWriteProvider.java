package org.riverbend.providers;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;

public class ConditionWriteProvider {
    private final ConditionDao dao;

    public ConditionWriteProvider(ConditionDao dao) {
        this.dao = dao;
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Condition condition) {
        if (dao.isLocked(id.getIdPart())) {
            throw new ForbiddenOperationException("Condition is locked by the problem-list owner");
        }
        return dao.update(id, condition);
    }
}
