package org.riverbend.portal;

import java.util.List;

public final class HoldAwareResults {
    private HoldAwareResults() {}

    /** A clinician's documented individual hold on one result (Preventing Harm determination recorded on the hold). */
    public static List<LabResult> visible(List<LabResult> results) {
        return results.stream().filter(r -> r.getHarmHold() == null || !r.getHarmHold().isActive()).toList();
    }
}
