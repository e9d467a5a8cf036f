from fastapi import APIRouter, HTTPException, Response

from ..exports import start_export

router = APIRouter()
ACCEPTED_FORMATS = {"application/fhir+ndjson", "application/ndjson", "ndjson"}


@router.get("/fhir/r4/Patient/$export")
async def patient_export(response: Response, _outputFormat: str = "application/fhir+ndjson"):
    if _outputFormat not in ACCEPTED_FORMATS:
        raise HTTPException(status_code=400, detail=f"Unsupported _outputFormat {_outputFormat}")
    job = await start_export(_outputFormat)
    response.status_code = 202
    response.headers["Content-Location"] = job.status_url
