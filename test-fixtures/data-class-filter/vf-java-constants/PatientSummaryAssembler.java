package org.example.portal.fhir;

import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

public class PatientSummaryAssembler {

    private final FhirSearch search;

    public PatientSummaryAssembler(FhirSearch search) {
        this.search = search;
    }

    public Bundle released(List<Resource> everything) {
        Bundle bundle = new Bundle();
        // ruleid: data-class-filter
        List<Resource> shared = everything.stream().filter(r -> PortalResourceTypes.RELEASED.contains(r.fhirType())).collect(Collectors.toList());
        shared.forEach(r -> bundle.addEntry().setResource(r));
        return bundle;
    }

    public Bundle buildPatientSummary(String patientId) {
        Bundle bundle = new Bundle();
        // ruleid: data-class-filter
        for (String type : PortalResourceTypes.SUMMARY_TYPES) {
            search.byPatient(type, patientId).forEach(r -> bundle.addEntry().setResource(r));
        }
        return bundle;
    }

    public int countTypes(List<Resource> resources) {
        // Counting, not returning: nothing leaves the server here.
        // ok: data-class-filter
        return (int) resources.stream().filter(r -> PortalResourceTypes.RELEASED.contains(r.fhirType())).count();
    }
}
