package org.riverbend.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResourceType;

public final class BundleSanitizer {
    private BundleSanitizer() {}

    /** Upstream EHR puts paging warnings into the search set. */
    public static Bundle withoutOutcomes(Bundle bundle) {
        bundle.getEntry().removeIf(e -> e.getResource() != null && e.getResource().getResourceType() == ResourceType.OperationOutcome);
        return bundle;
    }
}
