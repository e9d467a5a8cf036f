package com.acme.ehr.portal.results;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me/results")
public class LabResultsController {

    private final LabResultQueryService query;

    public LabResultsController(LabResultQueryService query) {
        this.query = query;
    }

    /**
     * Results list on the patient's "Test Results" page.
     */
    @GetMapping
    public List<LabResultView> myResults(@AuthenticationPrincipal Jwt jwt) {
        String patientId = jwt.getClaimAsString("patient");
        return query.finalResultsFor(patientId).stream()
                .filter(result -> result.getAcknowledgedByOrderingProviderAt() != null)
                .sorted(Comparator.comparing(LabResult::getResultedAt).reversed())
                .map(LabResultView::from)
                .toList();
    }
}
