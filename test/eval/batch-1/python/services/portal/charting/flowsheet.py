"""Builds the vitals flowsheet widget on the patient summary page.

The full record is rendered elsewhere on the page; this module only picks
the vital-sign Observations out of the patient's Bundle to chart them.
"""
from collections import defaultdict
from datetime import datetime

VITAL_LOINC = {
    "8480-6": "Systolic BP",
    "8462-4": "Diastolic BP",
    "8867-4": "Heart rate",
    "29463-7": "Body weight",
    "8310-5": "Body temperature",
}


def _effective(obs: dict) -> datetime:
    return datetime.fromisoformat(obs["effectiveDateTime"].replace("Z", "+00:00"))


def vitals_series(bundle: dict) -> dict[str, list[tuple[datetime, float]]]:
    observations = [
        e["resource"] for e in bundle.get("entry", [])
        if e["resource"]["resourceType"] == "Observation"
    ]
    series: dict[str, list[tuple[datetime, float]]] = defaultdict(list)
    for obs in observations:
        code = next((c["code"] for c in obs.get("code", {}).get("coding", []) if c.get("code") in VITAL_LOINC), None)
        if code is None or "valueQuantity" not in obs:
            continue
        series[VITAL_LOINC[code]].append((_effective(obs), obs["valueQuantity"]["value"]))
    for points in series.values():
        points.sort()
    return dict(series)


def summary_context(bundle: dict) -> dict:
    return {"bundle": bundle, "vitals": vitals_series(bundle)}
