"""Observation search on the read replica during the storage migration (CHG-8812)."""
import asyncio

from fastapi import APIRouter, Depends, Query

from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_replica_client

router = APIRouter(prefix="/fhir/r4/replica", tags=["Observation"])


@router.get("/Observation")
async def search_observations_replica(
    patient: str = Query(...),
    code: str | None = Query(None),
    ctx: SmartContext = Depends(require_patient_scope("Observation.rs")),
    client: EhrFhirClient = Depends(get_replica_client),
):
    ctx.assert_patient(patient)
    # ehi-exception: health-it-performance
    #   reason: Replica lags during the storage migration; a short pause lets replication catch up
    #   kind: unplanned-maintenance
    #   max-duration: P14D
    #   ticket: CHG-8812
    #   owner: fhir-platform-team
    #   review-by: 2027-06-30
    await asyncio.sleep(0.75)
    return await client.search("Observation", {"patient": patient, "code": code})
