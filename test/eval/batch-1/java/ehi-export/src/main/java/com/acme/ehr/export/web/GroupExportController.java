package com.acme.ehr.export.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
public class GroupExportController {

    static final Set<String> NDJSON_ALIASES =
            Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");

    private final BulkJobService jobs;
    private final ResourceTypeRegistry types;

    public GroupExportController(BulkJobService jobs, ResourceTypeRegistry types) {
        this.jobs = jobs;
        this.types = types;
    }

    @GetMapping("/fhir/r4/Group/{groupId}/$export")
    public ResponseEntity<Void> kickOff(@PathVariable String groupId,
                                        @RequestParam(name = "_outputFormat", required = false) String outputFormat,
                                        @RequestParam(name = "_type", required = false) String typeList) {
        if (outputFormat != null && !NDJSON_ALIASES.contains(outputFormat)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "_outputFormat must be application/fhir+ndjson");
        }
        List<String> requested = typeList == null ? List.of() : Arrays.asList(typeList.split(","));
        requested.stream().filter(t -> !types.isKnown(t)).findFirst().ifPresent(t -> {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown resource type in _type: " + t);
        });
        BulkJob job = jobs.start(groupId, requested);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/fhir/r4/$export-status/" + job.getId()))
                .build();
    }

    @GetMapping("/fhir/r4/$export-status/{jobId}")
    public ResponseEntity<?> status(@PathVariable String jobId) {
        return jobs.find(jobId)
                .<ResponseEntity<?>>map(job -> job.isComplete()
                        ? ResponseEntity.ok(job.manifest())
                        : ResponseEntity.status(HttpStatus.ACCEPTED).header("X-Progress", job.progress()).build())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No export job " + jobId));
    }

    @DeleteMapping("/fhir/r4/$export-status/{jobId}")
    public ResponseEntity<Void> cancel(@PathVariable String jobId) {
        jobs.cancel(jobId);
        return ResponseEntity.accepted().build();
    }
}
