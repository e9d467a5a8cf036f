package org.example.ehr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.example.ehr.audit.AuditService;
import org.example.ehr.consent.ConsentRequiredException;
import org.example.ehr.records.RecordsRequest;
import org.example.ehr.records.RecordsRequestRepository;
import org.example.ehr.records.RecordsRequestStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.filter.OncePerRequestFilter;

@RestController
@RequestMapping("/api/patients")
public class PatientDocumentController {

    private final DocumentService documents;
    private final PatientService patients;

    public PatientDocumentController(DocumentService documents, PatientService patients) {
        this.documents = documents;
        this.patients = patients;
    }

    @GetMapping("/{id}/documents")
    public ResponseEntity<List<DocumentDto>> documents(@PathVariable String id) {
        Patient patient = patients.find(id);
        if (patient.isVip()) {
            // ruleid: undocumented-denial
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok(documents.forPatient(id));
    }

    @GetMapping("/{id}/documents/{docId}")
    public DocumentDto document(@PathVariable String id, @PathVariable String docId, Authentication auth) {
        boolean clinician = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_CLINICIAN"));
        if (!clinician) {
            // ok: undocumented-denial
            throw new AccessDeniedException("Clinician role required");
        }
        return documents.find(id, docId);
    }

    // Translates an exception raised (and audited) by the consent service.
    @ExceptionHandler(ConsentRequiredException.class)
    public ResponseEntity<String> onConsentRequired(ConsentRequiredException ex) {
        // ok: undocumented-denial
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ex.getMessage());
    }
}

@Service
class RecordsRequestService {

    private final RecordsRequestRepository repository;
    private final AuditService auditService;

    RecordsRequestService(RecordsRequestRepository repository, AuditService auditService) {
        this.repository = repository;
        this.auditService = auditService;
    }

    void deny(RecordsRequest request, String note) {
        // ruleid: undocumented-denial
        request.setStatus(RecordsRequestStatus.DENIED);
        request.setReviewerNote(note);
        repository.save(request);
    }

    void denyForHarm(RecordsRequest request, String determinedBy) {
        auditService.recordException("undocumented-denial", "preventing-harm", "Individual determination by " + determinedBy);
        // ok: undocumented-denial
        request.setStatus(RecordsRequestStatus.DENIED);
        repository.save(request);
    }
}

class FhirRequesterFilter extends OncePerRequestFilter {

    private static final Set<String> BLOCKED_REQUESTER_ORGS = Set.of("urn:oid:2.16.840.1.113883.3.7204", "urn:oid:2.16.840.1.113883.3.9921");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if (request.getRequestURI().startsWith("/fhir/") && BLOCKED_REQUESTER_ORGS.contains(request.getHeader("X-Requesting-Organization"))) {
            // ruleid: undocumented-denial
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
