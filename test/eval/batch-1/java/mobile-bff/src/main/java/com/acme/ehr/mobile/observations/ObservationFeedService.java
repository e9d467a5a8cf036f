package com.acme.ehr.mobile.observations;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

@Service
public class ObservationFeedService {

    @ConfigurationProperties(prefix = "mobile.observations")
    public record ObservationFeedProperties(List<String> releasedCategories, int pageSize) { }

    private static final String CATEGORY_SYSTEM =
            "http://terminology.hl7.org/CodeSystem/observation-category";

    private final ReactiveFhirClient fhir;
    private final ObservationFeedProperties props;

    public ObservationFeedService(ReactiveFhirClient fhir, ObservationFeedProperties props) {
        this.fhir = fhir;
        this.props = props;
    }

    /** Backs GET /mobile/v2/me/observations for the patient's own app session. */
    public Flux<Observation> feedFor(String patientId) {
        return fhir.search(Observation.class, "patient=" + patientId + "&_sort=-date&_count=" + props.pageSize())
                .filter(obs -> obs.getCategory().stream().anyMatch(this::isReleasedCategory));
    }

    private boolean isReleasedCategory(CodeableConcept category) {
        return category.getCoding().stream()
                .anyMatch(c -> CATEGORY_SYSTEM.equals(c.getSystem())
                        && props.releasedCategories().contains(c.getCode()));
    }
}
