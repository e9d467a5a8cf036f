"""Helpers for upstream Bundles: separate error outcomes from data."""
from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

NON_DATA_TYPES = frozenset({"OperationOutcome", "Bundle"})


def split_outcomes(bundle: dict) -> tuple[list[dict], list[dict]]:
    """Return (data entries, OperationOutcome resources) from a searchset Bundle.

    Some upstream EHRs put warnings as OperationOutcome entries with search.mode
    "outcome" inside the searchset; apps expect them separately.
    """
    data, outcomes = [], []
    for entry in bundle.get("entry", []):
        resource = entry.get("resource", {})
        if resource.get("resourceType") in NON_DATA_TYPES:
            outcomes.append(resource)
        else:
            data.append(entry)
    return data, outcomes


def normalise_searchset(bundle: dict) -> dict:
    data, outcomes = split_outcomes(bundle)
    for outcome in outcomes:
        for issue in outcome.get("issue", []):
            logger.info("upstream issue %s: %s", issue.get("code"), issue.get("diagnostics"))
    normalised = {**bundle, "entry": data, "total": bundle.get("total", len(data))}
    if outcomes:
        normalised["entry"].append({"resource": outcomes[0], "search": {"mode": "outcome"}})
    return normalised
