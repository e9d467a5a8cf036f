PORTAL_PAGE_SIZE = 25
# LOINC note types not shown to patients (progress notes, nursing notes)
PORTAL_EXCLUDED_NOTE_TYPES = ["11506-3", "34746-8"]
