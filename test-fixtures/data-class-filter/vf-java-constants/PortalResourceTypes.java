package org.example.portal.fhir;

import java.util.Set;

/** Resource types returned to patients from the portal's summary endpoint. */
public final class PortalResourceTypes {
    public static final Set<String> RELEASED = Set.of("Patient", "AllergyIntolerance", "Condition", "Immunization", "MedicationRequest");

    public static final Set<String> SUMMARY_TYPES = Set.of("Condition", "Observation", "AllergyIntolerance");

    private PortalResourceTypes() {}
}
