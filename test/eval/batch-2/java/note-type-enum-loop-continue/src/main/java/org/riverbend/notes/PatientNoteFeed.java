package org.riverbend.notes;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
public class PatientNoteFeed {

    public List<ClinicalNote> visibleNotes(List<ClinicalNote> notes) {
        List<ClinicalNote> out = new ArrayList<>();
        for (ClinicalNote note : notes) {
            if (note.type() == NoteType.NURSING || note.type() == NoteType.ED_NOTE) {
                continue;
            }
            out.add(note);
        }
        return out;
    }
}
