package org.example.fhir;

import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import java.time.Duration;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
@RequestMapping("/fhir/r4")
public class PatientResource {

    private final PatientService patients;
    private final RestTemplate restTemplate;

    // ruleid: unjustified-throttle
    @RateLimiter(name = "patientApi")
    @GetMapping("/Patient/{id}")
    public ResponseEntity<String> read(@PathVariable String id) {
        return ResponseEntity.ok(patients.read(id));
    }

    @GetMapping("/Observation")
    public ResponseEntity<String> search(@RequestParam String patient) throws InterruptedException {
        // ruleid: unjustified-throttle
        Thread.sleep(3000);
        return ResponseEntity.ok(patients.observations(patient));
    }

    @GetMapping("/DocumentReference")
    public ResponseEntity<String> documents(@RequestParam String patient) throws InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return ResponseEntity.ok(restTemplate.getForObject(PARTNER + "/DocumentReference?patient=" + patient, String.class));
            } catch (Exception e) {
                // ok: unjustified-throttle
                Thread.sleep(1000L << attempt);
            }
        }
        return ResponseEntity.status(502).build();
    }
}

@RestController
@RequestMapping("/auth")
class LoginController {
    // ok: unjustified-throttle
    @RateLimiter(name = "login")
    @PostMapping("/login")
    public ResponseEntity<String> login(@RequestBody Credentials credentials) {
        return ResponseEntity.ok(auth.login(credentials));
    }
}
