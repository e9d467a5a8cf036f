package com.acme.ehr.notes.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me/notes")
public class PatientNotesController {

    private final SignedNoteRepository notes;
    private final boolean patientVisible;
    private final boolean includeAddenda;

    public PatientNotesController(SignedNoteRepository notes,
                                  @Value("${notes.portal.patient-visible}") boolean patientVisible,
                                  @Value("${notes.portal.include-addenda}") boolean includeAddenda) {
        this.notes = notes;
        this.patientVisible = patientVisible;
        this.includeAddenda = includeAddenda;
    }

    @GetMapping
    public List<NoteSummary> myNotes(@AuthenticationPrincipal Jwt jwt) {
        if (!patientVisible) {
            return List.of();
        }
        return notes.findSignedForPatient(jwt.getClaimAsString("patient"), includeAddenda).stream()
                .map(NoteSummary::from)
                .toList();
    }
}
