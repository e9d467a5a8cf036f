package com.acme.ehr.portal.records;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Complete health record archive" download (all encounters, documents and
 * results as a zipped FHIR Bundle). Part of the MyAcme Plus membership.
 */
@RestController
public class RecordArchiveController {

    private final MembershipService memberships;
    private final RecordArchiveService archives;

    public RecordArchiveController(MembershipService memberships, RecordArchiveService archives) {
        this.memberships = memberships;
        this.archives = archives;
    }

    @GetMapping(value = "/api/v1/me/record-archive", produces = "application/zip")
    public ResponseEntity<Resource> download(@AuthenticationPrincipal Jwt jwt) {
        String patientId = jwt.getClaimAsString("patient");
        if (!memberships.hasActivePlusPlan(patientId)) {
            return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED)
                    .header("X-Upgrade-Url", "https://my.acme-health.org/plus")
                    .build();
        }
        Resource zip = archives.buildArchive(patientId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=health-record.zip")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(zip);
    }
}
