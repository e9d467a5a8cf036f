package com.acme.ehr.portal.results;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides which of a patient's final results appear on the portal. Results are
 * released as soon as they are final. The only exception is a hold that the
 * ordering clinician placed on one specific result for this patient, after
 * determining that releasing it is reasonably likely to endanger the patient's
 * life or physical safety; the determination (clinician, reason, date) is stored
 * on the hold and the patient can ask for it to be reviewed.
 */
@Component
public class ResultVisibilityPolicy {

    private final IndividualHoldRepository holds;

    public ResultVisibilityPolicy(IndividualHoldRepository holds) {
        this.holds = holds;
    }

    public List<LabResult> visibleToPatient(String patientId, List<LabResult> finalResults) {
        return finalResults.stream()
                .filter(r -> activeHold(patientId, r).isEmpty())
                .toList();
    }

    private Optional<IndividualHold> activeHold(String patientId, LabResult result) {
        return holds.findActive(patientId, result.getId())
                .filter(h -> h.getDeterminedBy() != null && h.getDeterminationReason() != null);
    }
}
