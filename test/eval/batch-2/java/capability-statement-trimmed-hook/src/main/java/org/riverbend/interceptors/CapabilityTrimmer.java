package org.riverbend.interceptors;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

@Interceptor
public class CapabilityTrimmer {

    private static final Set<String> ADVERTISED = Set.of("Patient", "Observation", "Condition", "AllergyIntolerance");

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void trim(IBaseConformance conformance) {
        CapabilityStatement cs = (CapabilityStatement) conformance;
        cs.getRestFirstRep().getResource().removeIf(r -> !ADVERTISED.contains(r.getType()));
    }
}
