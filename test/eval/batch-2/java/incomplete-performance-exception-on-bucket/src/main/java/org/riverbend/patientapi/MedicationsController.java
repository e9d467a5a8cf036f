package org.riverbend.patientapi;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/patient-access/medications")
public class MedicationsController {

    private final Bucket bucket = Bucket.builder().addLimit(Bandwidth.simple(30, Duration.ofMinutes(1))).build();
    private final MedicationService meds;

    public MedicationsController(MedicationService meds) {
        this.meds = meds;
    }

    // ehi-exception: health-it-performance
    //   reason: Medication list query joins the pharmacy claims table and slows down dispensing
    //   owner: patient-api-team
    //   review-by: 2027-06-30
    @GetMapping
    public ResponseEntity<List<MedicationDto>> list(@RequestParam String patientId) {
        if (!bucket.tryConsume(1)) {
            return ResponseEntity.status(429).build();
        }
        return ResponseEntity.ok(meds.forPatient(patientId));
    }
}
