package org.riverbend.notes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/patients/{patientId}/notes")
public class NoteController {
    private final NoteRepository notes;

    public NoteController(NoteRepository notes) {
        this.notes = notes;
    }

    @GetMapping("/{noteId}")
    public ResponseEntity<NoteDto> get(@PathVariable String patientId, @PathVariable String noteId) {
        Note note = notes.find(patientId, noteId);
        if ("R".equals(note.getConfidentiality())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok(NoteDto.from(note));
    }
}
