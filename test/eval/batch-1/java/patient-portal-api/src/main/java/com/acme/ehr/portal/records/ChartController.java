package com.acme.ehr.portal.records;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/me/encounters")
public class ChartController {

    private final EncounterChartService charts;

    public ChartController(EncounterChartService charts) {
        this.charts = charts;
    }

    /** Visit summary, notes and results for one encounter. */
    @GetMapping("/{encounterId}")
    public EncounterChart encounter(@AuthenticationPrincipal Jwt jwt, @PathVariable String encounterId) {
        String patientId = jwt.getClaimAsString("patient");
        EncounterChart chart = charts.load(patientId, encounterId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));

        if (chart.getConfidentiality() == Confidentiality.RESTRICTED
                || chart.getDepartment().isBehavioralHealth()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return chart;
    }
}
