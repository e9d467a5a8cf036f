package com.acme.ehr.records.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Single-patient EHI export (kick-off). Produces the Acme Chart Archive bundle.
 */
@RestController
public class PatientExportController {

    static final String ACME_CHART_ARCHIVE = "application/vnd.acme.chart-archive+zip";

    private final ExportJobService jobs;

    public PatientExportController(ExportJobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/fhir/r4/Patient/{id}/$export")
    public ResponseEntity<Void> kickOff(@PathVariable String id,
                                        @RequestHeader(value = "Prefer", required = false) String prefer,
                                        @RequestParam(name = "_outputFormat", required = false) String outputFormat) {
        String format = outputFormat == null ? ACME_CHART_ARCHIVE : outputFormat;
        if (!ACME_CHART_ARCHIVE.equals(format)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Unsupported _outputFormat " + format + "; use " + ACME_CHART_ARCHIVE);
        }
        ExportJob job = jobs.start(id, format);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/fhir/r4/export-status/" + job.getId()))
                .build();
    }
}
