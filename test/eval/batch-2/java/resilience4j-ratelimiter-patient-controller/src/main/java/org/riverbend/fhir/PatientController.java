package org.riverbend.fhir;

import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/fhir/r4/Patient")
public class PatientController {

    private final PatientFacade patients;

    public PatientController(PatientFacade patients) {
        this.patients = patients;
    }

    @RateLimiter(name = "fhirPatientRead")
    @GetMapping(value = "/{id}", produces = "application/fhir+json")
    public ResponseEntity<String> read(@PathVariable String id) {
        return ResponseEntity.ok(patients.readAsJson(id));
    }
}
