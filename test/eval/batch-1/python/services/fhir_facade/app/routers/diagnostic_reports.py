"""DiagnosticReport read, served in the Orion envelope the mobile app was built against."""
from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["DiagnosticReport"])

ORION_MEDIA_TYPE = "application/vnd.orion.fhir+json"


class OrionJSONResponse(JSONResponse):
    media_type = ORION_MEDIA_TYPE


@router.get("/DiagnosticReport/{report_id}", response_class=OrionJSONResponse)
async def read_report(
    report_id: str,
    ctx: SmartContext = Depends(require_patient_scope("DiagnosticReport.r")),
    client: EhrFhirClient = Depends(get_client),
):
    report = await client.read("DiagnosticReport", report_id, patient_id=ctx.patient_id)
    return OrionJSONResponse(content={"orionVersion": 3, "payload": report})
