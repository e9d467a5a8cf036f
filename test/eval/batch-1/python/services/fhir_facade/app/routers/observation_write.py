"""Patient-reported Observations (home BP readings). Patients may not change clinician data."""
from fastapi import APIRouter, Body, Depends, HTTPException, status

from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["Observation"])


@router.put("/Observation/{observation_id}")
async def update_observation(
    observation_id: str,
    resource: dict = Body(...),
    ctx: SmartContext = Depends(require_patient_scope("Observation.u")),
    client: EhrFhirClient = Depends(get_client),
):
    current = await client.read("Observation", observation_id, patient_id=ctx.patient_id)
    performer_refs = [p.get("reference", "") for p in current.get("performer", [])]
    if f"Patient/{ctx.patient_id}" not in performer_refs:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Only patient-reported observations can be edited.")
    return await client.update("Observation", observation_id, resource)


@router.delete("/Observation/{observation_id}")
async def delete_observation(
    observation_id: str,
    ctx: SmartContext = Depends(require_patient_scope("Observation.d")),
    client: EhrFhirClient = Depends(get_client),
):
    current = await client.read("Observation", observation_id, patient_id=ctx.patient_id)
    if current.get("status") == "final":
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Final observations cannot be deleted.")
    await client.delete("Observation", observation_id)
    return {"deleted": observation_id}
