package org.riverbend.notes;

import java.util.List;

public final class PortalNotesFilter {
    private PortalNotesFilter() {}

    // Psychotherapy notes (45 CFR 164.501) are kept separately and are not part of the designated record set.
    public static List<ClinicalNote> forPortal(List<ClinicalNote> notes) {
        return notes.stream().filter(n -> !n.isPsychotherapyNote()).toList();
    }
}
