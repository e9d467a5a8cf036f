package com.acme.ehr.records.web;

import com.acme.ehr.records.download.ChartPackage;
import com.acme.ehr.records.download.ChartPackageService;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ChartDownloadController {

    private final ChartPackageService packages;

    public ChartDownloadController(ChartPackageService packages) {
        this.packages = packages;
    }

    @GetMapping(value = "/api/patients/{patientId}/chart", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("@compartment.isSelfOrProxy(authentication, #patientId)")
    @RateLimiter(name = "chartDownload", fallbackMethod = "tooManyDownloads")
    public ResponseEntity<ChartPackage> downloadChart(@PathVariable String patientId,
                                                      @RequestParam(defaultValue = "ccda") String format) {
        return ResponseEntity.ok(packages.build(patientId, format));
    }

    ResponseEntity<ChartPackage> tooManyDownloads(String patientId, String format, RequestNotPermitted ex) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, "86400")
                .build();
    }
}
