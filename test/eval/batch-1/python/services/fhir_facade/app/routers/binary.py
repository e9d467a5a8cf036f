"""Binary read: serve attachments with the content type they were stored with."""
from fastapi import APIRouter, Depends, Header, Response

from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["Binary"])


@router.get("/Binary/{binary_id}")
async def read_binary(
    binary_id: str,
    accept: str = Header("application/fhir+json"),
    ctx: SmartContext = Depends(require_patient_scope("Binary.r")),
    client: EhrFhirClient = Depends(get_client),
):
    binary = await client.read("Binary", binary_id, patient_id=ctx.patient_id)
    if accept.startswith("application/fhir+json"):
        return binary
    # Raw content, e.g. application/pdf or application/vnd.ms-excel scanned into the chart.
    raw = await client.read_binary(binary_id, patient_id=ctx.patient_id)
    return Response(content=raw, media_type=binary.get("contentType", "application/octet-stream"))
