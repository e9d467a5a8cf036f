package org.riverbend.fhir;

import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

@Component
public class PortalBundleAssembler {

    public Bundle assemble(List<Resource> chart) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        chart.stream()
                .filter(r -> !PortalResourcePolicy.EXCLUDED_TYPES.contains(r.fhirType()))
                .forEach(r -> bundle.addEntry().setResource(r));
        bundle.setTotal(bundle.getEntry().size());
        return bundle;
    }
}
