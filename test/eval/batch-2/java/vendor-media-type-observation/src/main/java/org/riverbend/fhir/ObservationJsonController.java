package org.riverbend.fhir;

import org.springframework.web.bind.annotation.*;

@RestController
public class ObservationJsonController {
    private final ObservationFacade observations;

    public ObservationJsonController(ObservationFacade observations) {
        this.observations = observations;
    }

    @GetMapping(value = "/fhir/r4/Observation/{id}", produces = "application/vnd.riverbend.observation+json")
    public String read(@PathVariable String id) {
        return observations.readJson(id);
    }
}
