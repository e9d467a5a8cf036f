package com.acme.ehr.facade.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;

/**
 * The facade sits in front of the legacy Cerulean EHR. Only the types whose
 * adapters have been signed off by the integration team are advertised in
 * /metadata; the remaining providers stay registered for internal callers.
 */
@Interceptor
public class CapabilityStatementTrimmer {

    static final List<String> PUBLISHED_TYPES = List.of(
            "Patient", "Observation", "Condition", "MedicationRequest", "AllergyIntolerance", "Encounter");

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void trim(IBaseConformance conformance) {
        CapabilityStatement cs = (CapabilityStatement) conformance;
        cs.setPublisher("Acme Health Integration Services");
        cs.getSoftware().setName("Acme Cerulean FHIR Facade").setVersion("3.8.1");

        for (CapabilityStatementRestComponent rest : cs.getRest()) {
            rest.getResource().removeIf(r -> !PUBLISHED_TYPES.contains(r.getType()));
        }
    }
}
