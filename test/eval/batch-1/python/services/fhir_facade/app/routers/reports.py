"""DiagnosticReport search for the patient portal and patient apps."""
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml
from fastapi import APIRouter, Depends, Query

from ..auth import SmartContext, require_patient_scope
from ..upstream import EhrFhirClient, get_client

router = APIRouter(prefix="/fhir/r4", tags=["DiagnosticReport"])

_PORTAL = yaml.safe_load((Path(__file__).resolve().parents[2] / "config" / "portal.yaml").read_text())["portal"]
PATHOLOGY_EMBARGO = timedelta(days=_PORTAL["reports"]["pathology_report_embargo_days"])


def _is_pathology(report: dict) -> bool:
    return any(
        c.get("code") == "SP"
        for cat in report.get("category", [])
        for c in cat.get("coding", [])
    )


def _issued(report: dict) -> datetime:
    return datetime.fromisoformat(report["issued"].replace("Z", "+00:00"))


@router.get("/DiagnosticReport")
async def search_reports(
    patient: str = Query(...),
    ctx: SmartContext = Depends(require_patient_scope("DiagnosticReport.rs")),
    client: EhrFhirClient = Depends(get_client),
):
    ctx.assert_patient(patient)
    upstream = await client.search("DiagnosticReport", {"patient": patient})
    now = datetime.now(timezone.utc)
    entries = [
        e for e in upstream.get("entry", [])
        if not (_is_pathology(e["resource"]) and now - _issued(e["resource"]) < PATHOLOGY_EMBARGO)
    ]
    return {"resourceType": "Bundle", "type": "searchset", "total": len(entries), "entry": entries}
