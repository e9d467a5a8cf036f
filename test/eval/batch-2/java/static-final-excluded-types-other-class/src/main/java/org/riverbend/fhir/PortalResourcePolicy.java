package org.riverbend.fhir;

import java.util.Set;

public final class PortalResourcePolicy {
    private PortalResourcePolicy() {}

    /** Resource types the portal bundle leaves out (decided in the 2023 portal redesign). */
    public static final Set<String> EXCLUDED_TYPES = Set.of("DiagnosticReport", "DocumentReference", "ImagingStudy", "Procedure");
}
