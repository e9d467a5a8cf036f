package org.riverbend.notes;

public enum NoteType {
    PROGRESS("11506-3"),
    DISCHARGE_SUMMARY("18842-5"),
    CONSULT("11488-4"),
    NURSING("34746-8"),
    ED_NOTE("34111-5");

    public final String loinc;

    NoteType(String loinc) {
        this.loinc = loinc;
    }
}
