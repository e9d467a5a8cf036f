from fastapi import HTTPException

SUPPORTED = frozenset({
    "AllergyIntolerance", "CarePlan", "CareTeam", "Condition", "Device", "DiagnosticReport", "DocumentReference",
    "Encounter", "Goal", "Immunization", "Location", "Medication", "MedicationRequest", "Observation",
    "Organization", "Patient", "Practitioner", "Procedure", "Provenance", "ServiceRequest", "Specimen",
})


def parse_type_param(raw: str | None) -> list[str]:
    requested = [t.strip() for t in (raw or "").split(",") if t.strip()]
    unknown = [t for t in requested if t not in SUPPORTED]
    if unknown:
        raise HTTPException(status_code=400, detail=f"Unsupported _type: {', '.join(unknown)}")
    return requested
