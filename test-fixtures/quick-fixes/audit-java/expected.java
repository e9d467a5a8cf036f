package org.example.fhir;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/fhir/r4")
public class RecordsResource {

    private final PatientService patients;

    @GetMapping("/Observation")
    public ResponseEntity<String> search(@RequestParam String patient) throws InterruptedException {
        auditLog.record("ehi-exception", "unjustified-throttle", "security", "Slows scripted scraping of observation lists");
        if (patient.isEmpty()) {
            return ResponseEntity.badRequest().build();
        }
        // ehi-exception: security
        //   reason: Slows scripted scraping of observation lists
        //   risk: Automated scraping of whole patient panels
        //   basis: policy
        //   owner: security-office
        //   review-by: 2027-06-30
        Thread.sleep(3000);
        return ResponseEntity.ok(patients.observations(patient));
    }
}
