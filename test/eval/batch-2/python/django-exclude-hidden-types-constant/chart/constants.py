# Resource types kept out of what the patient app receives.
PATIENT_APP_HIDDEN_TYPES = frozenset({"DocumentReference", "DiagnosticReport", "CarePlan"})

MAX_PAGE_SIZE = 200
