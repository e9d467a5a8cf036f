"""Constants of the patient-facing FHIR facade."""

# Resource types the patient app bundle is assembled from.
PORTAL_RESOURCE_TYPES = frozenset({"Patient", "AllergyIntolerance", "Condition", "Immunization", "Observation"})

# Types the $everything operation searches.
EVERYTHING_TYPES = ("Condition", "Observation", "MedicationRequest")

ENVELOPE_TYPES = frozenset({"OperationOutcome", "Bundle"})
