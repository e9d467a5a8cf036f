package org.riverbend.records;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/records/electronic-copy")
public class ElectronicCopyController {
    private final PaymentService paymentService;
    private final RecordArchive archive;

    public ElectronicCopyController(PaymentService paymentService, RecordArchive archive) {
        this.paymentService = paymentService;
        this.archive = archive;
    }

    @GetMapping("/{patientId}")
    public ResponseEntity<byte[]> download(@PathVariable String patientId) {
        if (!paymentService.hasPaidRecordFee(patientId)) {
            return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).build();
        }
        return ResponseEntity.ok(archive.zipFor(patientId));
    }
}
