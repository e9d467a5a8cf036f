package org.riverbend.portal;

import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Service;

@Service
public class PortalObservationService {
    private final ObservationRepository repo;
    private final PortalProperties props;

    public PortalObservationService(ObservationRepository repo, PortalProperties props) {
        this.repo = repo;
        this.props = props;
    }

    public List<Observation> forPatient(String patientId) {
        return repo.findByPatient(patientId).stream()
                .filter(o -> o.getCategory().stream()
                        .flatMap(c -> c.getCoding().stream())
                        .noneMatch(code -> props.hiddenObservationCategories().contains(code.getCode())))
                .toList();
    }
}
