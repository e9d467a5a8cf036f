"""Constants for the patient-facing FHIR facade."""

FHIR_JSON = "application/fhir+json"

# Resource types the patient app bundle is assembled from.
PORTAL_RESOURCE_TYPES = frozenset(
    {
        "Patient",
        "AllergyIntolerance",
        "Condition",
        "Immunization",
        "MedicationRequest",
        "Observation",
        "Procedure",
    }
)

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
