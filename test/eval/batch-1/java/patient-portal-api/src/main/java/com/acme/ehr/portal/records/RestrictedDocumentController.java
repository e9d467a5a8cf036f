package com.acme.ehr.portal.records;

import com.acme.ehr.portal.audit.EhiAuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Documents a proxy opens on a patient's behalf. A patient can ask (HIM form
 * HIM-22) that specific documents are not shown to their proxies.
 */
@RestController
public class RestrictedDocumentController {

    private final DocumentService documents;
    private final SharingRestrictionService restrictions;
    private final EhiAuditLog auditLog;

    public RestrictedDocumentController(DocumentService documents, SharingRestrictionService restrictions,
                                        EhiAuditLog auditLog) {
        this.documents = documents;
        this.restrictions = restrictions;
        this.auditLog = auditLog;
    }

    @GetMapping("/api/v1/proxy/{patientId}/documents/{documentId}")
    public ResponseEntity<?> proxyDocument(@AuthenticationPrincipal Jwt jwt,
                                           @PathVariable String patientId,
                                           @PathVariable String documentId) {
        ClinicalDocument doc = documents.get(patientId, documentId);
        if (restrictions.patientRestrictedFromProxies(patientId, documentId)) {
            auditLog.recordException("undocumented-denial", "privacy",
                    "Patient request not to share with proxies (45 CFR 171.202(e)), request " + 
                            restrictions.requestId(patientId, documentId));
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("withheld_at_patient_request",
                    "The patient has asked that this document not be shared with proxies "
                            + "(45 CFR 171.202(e)). The patient can change this in Sharing settings."));
        }
        return ResponseEntity.ok(doc);
    }
}
