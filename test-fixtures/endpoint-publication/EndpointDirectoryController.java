package com.example.fhir.directory;

import org.hl7.fhir.r4.model.Bundle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class EndpointDirectoryController {
    private final DirectoryService directory;

    public EndpointDirectoryController(DirectoryService directory) {
        this.directory = directory;
    }

    // ruleid: endpoint-publication
    @PreAuthorize("hasRole('CUSTOMER')")
    @GetMapping("/endpoints/bundle")
    public Bundle customerBundle() {
        return directory.bundle();
    }

    // ruleid: endpoint-publication
    @GetMapping(value = "/service-base-urls", produces = "text/csv")
    public String serviceBaseUrlsCsv() {
        return directory.csv();
    }

    @GetMapping("/fhir-endpoints")
    public ResponseEntity<Bundle> fhirEndpoints(@RequestParam(required = false) String licenseKey) {
        if (!directory.isLicensed(licenseKey)) {
            // ruleid: endpoint-publication
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok(directory.bundle());
    }

    // ok: endpoint-publication
    @GetMapping(value = "/endpoint-directory", produces = "application/fhir+json")
    public Bundle publicDirectory() {
        return directory.bundle();
    }

    // The FHIR API behind authentication: not the directory.
    // ok: endpoint-publication
    @PreAuthorize("isAuthenticated()")
    @GetMapping("/fhir/r4/Patient")
    public Bundle patients() {
        return directory.bundle();
    }
}
