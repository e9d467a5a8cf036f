package org.example.ehr.records;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import io.swagger.v3.oas.annotations.Operation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

// ruleid: hipaa-blanket-reason
@ResponseStatus(value = HttpStatus.FORBIDDEN, reason = "This information cannot be released per hospital policy")
class ReleaseNotPermittedException extends RuntimeException {}

public class ChartAccessService {

    private static final Logger log = LoggerFactory.getLogger(ChartAccessService.class);

    public Chart open(Chart chart, Requester requester) {
        if (chart.isSensitive() && requester.isExternal()) {
            // ok: hipaa-blanket-reason
            log.warn("Blocked per HIPAA regulations: chart {} requested by {}", chart.getId(), requester.getId());
            // ruleid: hipaa-blanket-reason
            throw new ForbiddenOperationException("Blocked per HIPAA regulations");
        }
        if (chart.isUnderLitigationHold()) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.FORBIDDEN)
                // ok: hipaa-blanket-reason
                .setDiagnostics("Withheld: compiled in reasonable anticipation of litigation, which is not EHI (45 CFR 171.102)");
            throw new ForbiddenOperationException("Not available", outcome);
        }
        return chart;
    }

    public void validateForm(java.util.Set<String> removedFields) {
        if (!removedFields.isEmpty()) {
            // A form-validation message, not a refusal of EHI.
            // ok: hipaa-blanket-reason
            throw new IllegalArgumentException("These fields cannot be removed as per the administrator policy: " + String.join(", ", removedFields));
        }
    }

    // ok: hipaa-blanket-reason
    @Operation(summary = "Open a chart", description = "Returns 403 when access is denied due to HIPAA")
    public Chart openDocumented(Chart chart) {
        return chart;
    }
}
