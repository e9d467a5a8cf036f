package com.acme.ehr.fhirserver.interceptor;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.springframework.stereotype.Component;

/**
 * Psychotherapy notes (45 CFR 164.501: a mental health professional's notes
 * documenting or analysing a counselling session, kept separate from the rest of
 * the record) are not part of the designated record set and are never returned
 * by the API. Behavioral health progress notes, medication management and
 * session start/stop times are NOT tagged with this code and are returned.
 */
@Component
@Interceptor
public class PsychotherapyNoteExclusionInterceptor {

    static final String NOTE_CLASS_SYSTEM = "http://acme-health.org/fhir/CodeSystem/note-class";
    static final String PSYCHOTHERAPY_NOTE = "psychotherapy-note";

    @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
    public void excludePsychotherapyNotes(IPreResourceShowDetails details) {
        for (int i = 0; i < details.size(); i++) {
            if (details.getResource(i) instanceof DocumentReference doc && isPsychotherapyNote(doc)) {
                details.setResource(i, null);
            }
        }
    }

    private static boolean isPsychotherapyNote(DocumentReference doc) {
        for (Coding c : doc.getType().getCoding()) {
            if (NOTE_CLASS_SYSTEM.equals(c.getSystem()) && PSYCHOTHERAPY_NOTE.equals(c.getCode())) {
                return true;
            }
        }
        return false;
    }
}
