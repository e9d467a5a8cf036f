package org.example.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResourceType;

@Interceptor
public class PatientEverythingInterceptor {

    private static final Set<String> SHARED_TYPES = Set.of("Patient", "Encounter", "Observation");

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void outgoing(IBaseResource resource) {
        if (resource instanceof Bundle bundle) {
            // ruleid: data-class-filter
            bundle.getEntry().removeIf(e -> e.getResource().getResourceType() == ResourceType.DocumentReference);
            // ok: data-class-filter
            bundle.getEntry().removeIf(e -> e.getResource().getResourceType() == ResourceType.OperationOutcome);
            // ruleid: data-class-filter
            bundle.getEntry().removeIf(e -> !SHARED_TYPES.contains(e.getResource().fhirType()));
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                // ok: data-class-filter
                if (entry.getResource().getResourceType() == ResourceType.Patient) {
                    audit(entry);
                }
            }
        }
    }
}
