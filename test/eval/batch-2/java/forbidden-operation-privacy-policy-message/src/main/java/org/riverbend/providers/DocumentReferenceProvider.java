package org.riverbend.providers;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.List;
import org.hl7.fhir.r4.model.DocumentReference;

public class DocumentReferenceProvider {
    private final DocumentDao dao;

    public DocumentReferenceProvider(DocumentDao dao) {
        this.dao = dao;
    }

    @Search
    public List<DocumentReference> search(@RequiredParam(name = DocumentReference.SP_PATIENT) ReferenceParam patient) {
        List<DocumentReference> docs = dao.byPatient(patient.getIdPart());
        if (docs.stream().anyMatch(d -> d.getSecurityLabel().stream().anyMatch(l -> "ETH".equals(l.getCodingFirstRep().getCode())))) {
            throw new ForbiddenOperationException("These documents cannot be released due to our privacy policy.");
        }
        return docs;
    }
}
