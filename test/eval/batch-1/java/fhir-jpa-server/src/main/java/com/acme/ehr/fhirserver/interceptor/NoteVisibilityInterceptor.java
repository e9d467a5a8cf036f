package com.acme.ehr.fhirserver.interceptor;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import com.acme.ehr.fhirserver.security.SmartTokenIntrospector;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.springframework.stereotype.Component;

/**
 * Keeps narrative clinician notes out of responses to patient-facing apps.
 * Registered on the JPA server in FhirServerConfig.
 */
@Component
@Interceptor
public class NoteVisibilityInterceptor {

    private static final String LOINC = "http://loinc.org";

    /** Progress note, consult note, H&P, nurse note. */
    private static final Set<String> CLINICIAN_ONLY_NOTE_CODES =
            Set.of("11506-3", "11488-4", "34117-2", "34746-8");

    private final SmartTokenIntrospector tokens;

    public NoteVisibilityInterceptor(SmartTokenIntrospector tokens) {
        this.tokens = tokens;
    }

    @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
    public void hideClinicianNotes(IPreResourceShowDetails details, RequestDetails request) {
        if (!tokens.isPatientContext(request)) {
            return;
        }
        for (int i = 0; i < details.size(); i++) {
            IBaseResource resource = details.getResource(i);
            if (resource instanceof DocumentReference doc && isClinicianOnlyNote(doc)) {
                details.setResource(i, null);
            }
        }
    }

    private static boolean isClinicianOnlyNote(DocumentReference doc) {
        for (Coding coding : doc.getType().getCoding()) {
            if (LOINC.equals(coding.getSystem()) && CLINICIAN_ONLY_NOTE_CODES.contains(coding.getCode())) {
                return true;
            }
        }
        return false;
    }
}
