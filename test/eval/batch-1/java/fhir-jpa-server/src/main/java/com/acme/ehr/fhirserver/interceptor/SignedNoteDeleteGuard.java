package com.acme.ehr.fhirserver.interceptor;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.springframework.stereotype.Component;

/**
 * A signed note is part of the legal medical record: it can be amended or
 * marked entered-in-error, but never deleted through the API.
 */
@Component
@Interceptor
public class SignedNoteDeleteGuard {

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
    public void refuseDeletingSignedNotes(IBaseResource resource) {
        if (resource instanceof DocumentReference doc
                && doc.getStatus() == DocumentReferenceStatus.CURRENT
                && doc.hasAuthenticator()) {
            throw new ForbiddenOperationException(
                    "Signed notes cannot be deleted; use status entered-in-error or add an amendment");
        }
    }
}
