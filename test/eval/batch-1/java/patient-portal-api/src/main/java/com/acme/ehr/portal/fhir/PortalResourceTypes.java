package com.acme.ehr.portal.fhir;

import java.util.Set;
import org.hl7.fhir.r4.model.ResourceType;

/**
 * Resource types shown in the patient-facing "My Health Summary" and returned
 * to connected apps through the portal's summary endpoint.
 */
public final class PortalResourceTypes {

    public static final Set<ResourceType> PATIENT_VISIBLE = Set.of(
            ResourceType.Patient,
            ResourceType.AllergyIntolerance,
            ResourceType.Condition,
            ResourceType.MedicationRequest,
            ResourceType.Immunization,
            ResourceType.Observation);

    public static final String SUMMARY_PROFILE =
            "http://acme-health.org/fhir/StructureDefinition/portal-summary";

    private PortalResourceTypes() {
    }
}
