package com.acme.ehr.workspace.inbox;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ordering provider's results inbox in the clinician workspace. Lists results
 * the provider has not yet acknowledged; patients' own access is not affected.
 */
@RestController
@RequestMapping("/workspace/api/inbox/results")
@PreAuthorize("hasRole('CLINICIAN')")
public class ResultsInboxController {

    private final ResultInboxService inbox;

    public ResultsInboxController(ResultInboxService inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    public List<InboxItem> unreviewed(@AuthenticationPrincipal Jwt jwt) {
        String providerId = jwt.getClaimAsString("practitioner");
        return inbox.resultsFor(providerId).stream()
                .filter(item -> !item.isAcknowledged())
                .sorted(InboxItem.BY_ABNORMAL_THEN_AGE)
                .toList();
    }

    @PostMapping("/{resultId}/acknowledge")
    public void acknowledge(@AuthenticationPrincipal Jwt jwt, @PathVariable String resultId) {
        inbox.acknowledge(jwt.getClaimAsString("practitioner"), resultId);
    }
}
