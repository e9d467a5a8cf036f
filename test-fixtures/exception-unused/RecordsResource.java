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
        auditLog.record("ehi-exception", "unjustified-throttle", "security", "Slows scripted scraping");
        // ruleid: exception-unused
        /* ehi-exception: security; rule: unjustified-throttle; reason: Slows scripted scraping; risk: Scraping of whole panels; basis: policy; owner: security-office; review-by: 2027-06-30 */
        patients.prefetch(patient); // ok: unjustified-throttle
        return ResponseEntity.ok(patients.observations(patient));
    }

    @GetMapping("/Condition")
    public ResponseEntity<String> conditions(@RequestParam String patient) throws InterruptedException {
        auditLog.record("ehi-exception", "unjustified-throttle", "security", "Slows scripted scraping");
        // ok: exception-unused
        /* ehi-exception: security; rule: unjustified-throttle; reason: Slows scripted scraping; risk: Scraping of whole panels; basis: policy; owner: security-office; review-by: 2027-06-30 */
        Thread.sleep(3000); // ok: unjustified-throttle
        return ResponseEntity.ok(patients.conditions(patient));
    }
}
