package org.example.fhir;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/fhir/r4")
public class RecordsResource {

    private final PatientService patients;
    private final AuditLog auditLog;

    public RecordsResource(PatientService patients, AuditLog auditLog) {
        this.patients = patients;
        this.auditLog = auditLog;
    }

    @GetMapping("/Observation")
    public ResponseEntity<String> search(@RequestParam String patient) throws InterruptedException {
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
