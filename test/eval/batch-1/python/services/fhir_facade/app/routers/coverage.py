from fastapi import APIRouter, Depends, Query

from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["Coverage"])


@router.get(
    "/Coverage",
    summary="Search the patient's insurance coverage",
    description=(
        "Returns the patient's Coverage resources (US Core 6.1.0). Use of this data by apps "
        "is governed by HIPAA where the app is a covered entity or business associate, and by "
        "the app's own privacy policy otherwise."
    ),
)
async def search_coverage(
    patient: str = Query(...),
    status: str | None = Query(None),
    ctx: SmartContext = Depends(require_patient_scope("Coverage.rs")),
    client: EhrFhirClient = Depends(get_client),
):
    ctx.assert_patient(patient)
    return await client.search("Coverage", {"patient": patient, "status": status})


@router.get("/Coverage/{coverage_id}", summary="Read one Coverage")
async def read_coverage(
    coverage_id: str,
    ctx: SmartContext = Depends(require_patient_scope("Coverage.r")),
    client: EhrFhirClient = Depends(get_client),
):
    return await client.read("Coverage", coverage_id, patient_id=ctx.patient_id)
