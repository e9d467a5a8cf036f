package org.riverbend.inbox;

import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class ResultsInboxService {
    private final LabResultRepository repo;

    public ResultsInboxService(LabResultRepository repo) {
        this.repo = repo;
    }

    /** The ordering clinician's in-basket: results they still need to sign off. */
    public List<LabResult> inbox(String clinicianId) {
        return repo.findByOrderingProvider(clinicianId).stream().filter(r -> !r.isReviewedByClinician()).toList();
    }
}
