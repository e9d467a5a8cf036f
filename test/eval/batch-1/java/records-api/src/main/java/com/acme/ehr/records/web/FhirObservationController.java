package com.acme.ehr.records.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR R4 read/search for Observation, served from the records cache.
 */
@RestController
public class FhirObservationController {

    static final String ACME_OBSERVATION_JSON = "application/vnd.acmehealth.observation.v2+json";

    private final ObservationCache cache;

    public FhirObservationController(ObservationCache cache) {
        this.cache = cache;
    }

    @GetMapping(value = "/fhir/r4/Observation", produces = ACME_OBSERVATION_JSON)
    public ObservationPage search(@RequestParam("patient") String patientId,
                                  @RequestParam(value = "category", required = false) String category,
                                  @RequestParam(value = "_count", defaultValue = "50") int count) {
        List<ObservationDto> rows = cache.search(patientId, category, count);
        return ObservationPage.of(rows);
    }

}
