from fastapi import APIRouter
from fastapi.responses import JSONResponse

router = APIRouter()


@router.get("/fhir/r4/Group/{group_id}/$export")
async def group_export(group_id: str):
    return JSONResponse(
        status_code=501,
        content={"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "not-supported"}]},
    )
