from fastapi import APIRouter, HTTPException

from .store import store

router = APIRouter(prefix="/fhir")

NDJSON = {"application/fhir+ndjson", "application/ndjson", "ndjson"}


@router.get("/Patient/{pid}/$everything")
def patient_everything(pid: str):
    # ruleid: export-restriction
    entries = store.everything(pid)[:200]
    return {"resourceType": "Bundle", "type": "searchset", "entry": entries}


@router.get("/Encounter/{eid}/$everything")
def encounter_everything(eid: str, _count: int = 50, page: int = 0):
    # ok: export-restriction
    entries = store.encounter_everything(eid)[:200]
    return {"resourceType": "Bundle", "type": "searchset", "entry": entries}


@router.get("/Group/{gid}/$everything")
def group_everything(gid: str):
    bundle = store.group_bundle(gid)
    # ruleid: export-restriction
    bundle["link"] = []
    return bundle


@router.get("/Patient/$export")
def patient_export(_outputFormat: str = "application/fhir+ndjson"):
    # ruleid: export-restriction
    if _outputFormat != "application/fhir+ndjson":
        raise HTTPException(status_code=400, detail="Unsupported _outputFormat")
    return store.start_export(_outputFormat)


@router.get("/Group/{gid}/$export")
def group_export(gid: str, _outputFormat: str = "application/fhir+ndjson"):
    # ok: export-restriction
    if _outputFormat not in NDJSON:
        raise HTTPException(status_code=400, detail="Unsupported _outputFormat")
    return store.start_group_export(gid, _outputFormat)
