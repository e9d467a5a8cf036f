package org.riverbend.portal;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PortalResultsController {
    private final LabResultRepository repo;

    public PortalResultsController(LabResultRepository repo) {
        this.repo = repo;
    }

    @GetMapping("/portal/api/results")
    public List<LabResult> myResults(@AuthenticationPrincipal PortalUser user) {
        return repo.findByPatientIdAndReviewedByClinicianTrue(user.patientId());
    }
}
