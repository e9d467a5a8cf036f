package org.acme.fhir;

import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/fhir/r4")
public class ObservationController {
    private final ObservationService service;

    public ObservationController(ObservationService service) { this.service = service; }

    @RateLimiter(name = "patientFhirReads")
    @GetMapping("/Observation")
    public String search(@RequestParam("patient") String patient) {
        return service.search(patient);
    }
}
