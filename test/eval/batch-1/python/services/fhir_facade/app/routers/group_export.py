"""FHIR Bulk Data kick-off for Group-level export on the population endpoint."""
from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse, Response

from ..auth import SmartContext, require_system_scope
from ..bulk_jobs import create_export_job, known_group

router = APIRouter(prefix="/population/fhir/r4", tags=["bulk-data"])

ACCEPTED_OUTPUT_FORMATS = {"application/fhir+ndjson", "application/ndjson", "ndjson"}
EXPORTABLE_TYPES = {
    "Patient", "AllergyIntolerance", "CarePlan", "CareTeam", "Condition", "Coverage", "Device",
    "DiagnosticReport", "DocumentReference", "Encounter", "Goal", "Immunization", "Location",
    "Medication", "MedicationDispense", "MedicationRequest", "Observation", "Organization",
    "Practitioner", "PractitionerRole", "Procedure", "Provenance", "QuestionnaireResponse",
    "RelatedPerson", "ServiceRequest", "Specimen",
}


def _outcome(code: str, text: str, status: int) -> JSONResponse:
    body = {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": code, "diagnostics": text}]}
    return JSONResponse(status_code=status, content=body, media_type="application/fhir+json")


@router.get("/Group/{group_id}/$export")
async def kick_off(
    request: Request,
    group_id: str,
    output_format: str = Query("application/fhir+ndjson", alias="_outputFormat"),
    types: str | None = Query(None, alias="_type"),
    prefer: str = Header(...),
    ctx: SmartContext = Depends(require_system_scope("*.read")),
):
    if prefer != "respond-async":
        return _outcome("invalid", "Prefer: respond-async is required", 400)
    if output_format not in ACCEPTED_OUTPUT_FORMATS:
        return _outcome("invalid", f"_outputFormat {output_format} is not supported; use application/fhir+ndjson", 400)
    requested = set(types.split(",")) if types else EXPORTABLE_TYPES
    unknown = requested - EXPORTABLE_TYPES
    if unknown:
        return _outcome("invalid", f"unknown _type: {', '.join(sorted(unknown))}", 400)
    if not await known_group(group_id):
        return _outcome("not-found", f"Group/{group_id} does not exist", 404)
    job = await create_export_job(group_id=group_id, types=requested, client_id=ctx.client_id)
    return Response(status_code=202, headers={"Content-Location": str(request.url_for("export_status", job_id=job.id))})
