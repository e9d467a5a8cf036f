package org.riverbend.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class ResultsReleaseService {
    private final LabResultRepository repo;
    private final long releaseDelayHours;

    public ResultsReleaseService(LabResultRepository repo, @Value("${portal.results.release-delay-hours}") long releaseDelayHours) {
        this.repo = repo;
        this.releaseDelayHours = releaseDelayHours;
    }

    public List<LabResult> visibleTo(String patientId) {
        Instant cutoff = Instant.now().minus(Duration.ofHours(releaseDelayHours));
        return repo.findByPatientId(patientId).stream().filter(r -> r.getFinalizedAt().isBefore(cutoff)).toList();
    }
}
