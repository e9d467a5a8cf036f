package org.example.fhir;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/fhir/r4")
public class RecordsResource {

    private final PatientService patients;
    private final AuditLog auditLog;

    @GetMapping("/Observation")
    public ResponseEntity<String> search(@RequestParam String patient) throws InterruptedException {
        // A case-by-case security determination must say why nothing less restrictive serves.
        // ruleid: exception-incomplete
        // ehi-exception: security
        //   reason: Slows scripted scraping of observation lists
        //   risk: Automated scraping of whole patient panels
        //   basis: case-by-case
        //   owner: security-office
        //   review-by: 2027-06-30
        Thread.sleep(3000); // ruleid: unjustified-throttle
        return ResponseEntity.ok(patients.observations(patient));
    }

    @GetMapping("/Condition")
    public ResponseEntity<String> conditions(@RequestParam String patient) throws InterruptedException {
        auditLog.record("ehi-exception", "unjustified-throttle", "security", "Slows scripted scraping");
        // ok: exception-incomplete
        // ehi-exception: security
        //   reason: Slows scripted scraping of condition lists
        //   risk: Automated scraping of whole patient panels
        //   basis: case-by-case
        //   alternatives: Per-client quotas failed: the scrapers rotate client ids
        //   owner: security-office
        //   review-by: 2027-06-30
        Thread.sleep(3000); // ok: unjustified-throttle
        return ResponseEntity.ok(patients.conditions(patient));
    }
}
