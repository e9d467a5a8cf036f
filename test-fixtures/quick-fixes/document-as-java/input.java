package org.example.fhir;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/fhir/r4")
public class RecordsResource {

    private final PatientService patients;

    @GetMapping("/Observation")
    public ResponseEntity<String> search(@RequestParam String patient) throws InterruptedException {
        Thread.sleep(3000);
        return ResponseEntity.ok(patients.observations(patient));
    }
}
