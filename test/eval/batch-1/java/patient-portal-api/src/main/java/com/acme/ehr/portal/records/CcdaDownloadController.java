package com.acme.ehr.portal.records;

import com.acme.ehr.portal.audit.EhiAuditLog;
import java.math.BigDecimal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CcdaDownloadController {

    private static final BigDecimal CCDA_DOWNLOAD_FEE = new BigDecimal("3.00");

    private final CcdaGenerator ccda;
    private final PatientBillingClient billing;
    private final EhiAuditLog auditLog;

    public CcdaDownloadController(CcdaGenerator ccda, PatientBillingClient billing, EhiAuditLog auditLog) {
        this.ccda = ccda;
        this.billing = billing;
        this.auditLog = auditLog;
    }

    /** "Download my health summary (C-CDA)" on the patient's MyAcme home page. */
    @GetMapping(value = "/api/v1/me/ccda", produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<String> downloadCcda(@AuthenticationPrincipal Jwt jwt) {
        String patientId = jwt.getClaimAsString("patient");
        auditLog.recordException("access-fee", "fees", "C-CDA generation fee charged to patient " + patientId);
        // ehi-exception: fees
        //   reason: Recovers the per-document cost of the C-CDA rendering service licensed from the EHR vendor
        //   cost-basis: Finance workbook FIN-2026-031, rendering cost per document
        //   owner: revenue-cycle
        //   review-by: 2027-08-31
        billing.chargeCardOnFile(patientId, CCDA_DOWNLOAD_FEE, "Health summary download");
        return ResponseEntity.ok(ccda.generateSummary(patientId));
    }
}
