package org.example.fhir.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

@Interceptor
public class CapabilityTrimmer {

    static final List<String> PUBLISHED_TYPES = List.of("Patient", "Observation", "Condition", "AllergyIntolerance");

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void trim(IBaseConformance conformance) {
        CapabilityStatement cs = (CapabilityStatement) conformance;
        for (CapabilityStatement.CapabilityStatementRestComponent rest : cs.getRest()) {
            // ruleid: data-class-filter
            rest.getResource().removeIf(r -> !PUBLISHED_TYPES.contains(r.getType()));
            // Binary is served, but not advertised as a searchable type.
            // ok: data-class-filter
            rest.getResource().removeIf(r -> "Binary".equals(r.getType()));
        }
    }
}
