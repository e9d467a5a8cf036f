package org.example.fhir.hooks;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;

@Interceptor
public class NoteVisibilityHook {

    private static final String LOINC = "http://loinc.org";
    private static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";

    /** Progress note, consult note, H&P, nurse note. */
    private static final Set<String> CLINICIAN_ONLY_NOTE_CODES = Set.of("11506-3", "11488-4", "34117-2", "34746-8");

    private static final Set<String> PSYCHOTHERAPY_NOTE_CODES = Set.of("psychotherapy-note");

    @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
    public void hideClinicianNotes(IPreResourceShowDetails details) {
        for (int i = 0; i < details.size(); i++) {
            IBaseResource resource = details.getResource(i);
            // ruleid: data-class-filter
            if (resource instanceof DocumentReference doc && isClinicianOnlyNote(doc)) {
                details.setResource(i, null);
            }
        }
    }

    @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
    public void hidePsychotherapyNotes(IPreResourceShowDetails details) {
        for (int i = 0; i < details.size(); i++) {
            // Psychotherapy notes are not EHI (45 CFR 171.102).
            // ok: data-class-filter
            if (details.getResource(i) instanceof DocumentReference doc && isPsychotherapyNote(doc)) {
                details.setResource(i, null);
            }
        }
    }

    @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
    public void markTruncated(IPreResourceShowDetails details) {
        for (int i = 0; i < details.size(); i++) {
            // Blanking what the record itself marks as entered in error is data integrity, not a class of data.
            // ok: data-class-filter
            if (isEnteredInError(details.getResource(i))) {
                details.setResource(i, null);
            }
        }
    }

    @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
    public void narrowObservationSearches(SearchParameterMap map) {
        // ruleid: data-class-filter
        map.add("category", new TokenOrListParam().add(CATEGORY_SYSTEM, "laboratory").add(CATEGORY_SYSTEM, "vital-signs"));
        // ok: data-class-filter
        map.add("_count", new TokenOrListParam().add(CATEGORY_SYSTEM, "laboratory"));
    }

    private static boolean isClinicianOnlyNote(DocumentReference doc) {
        for (Coding coding : doc.getType().getCoding()) {
            if (LOINC.equals(coding.getSystem()) && CLINICIAN_ONLY_NOTE_CODES.contains(coding.getCode())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPsychotherapyNote(DocumentReference doc) {
        return PSYCHOTHERAPY_NOTE_CODES.contains(doc.getType().getCodingFirstRep().getCode());
    }

    private static boolean isEnteredInError(IBaseResource resource) {
        return resource.getMeta().getTag("http://example.org/status", "entered-in-error") != null;
    }
}
