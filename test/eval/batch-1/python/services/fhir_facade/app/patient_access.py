"""Patient-access settings loaded from config/patient-access.json."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

CONFIG_PATH = Path(__file__).resolve().parent.parent / "config" / "patient-access.json"


class Timeouts(BaseModel):
    connect_seconds: float = Field(5, alias="connectSeconds")
    read_seconds: float = Field(30, alias="readSeconds")


class PatientAccessSettings(BaseModel):
    upstream_base_url: str = Field(alias="upstreamBaseUrl")
    include_provenance: bool = Field(True, alias="includeProvenance")
    page_size: int = Field(100, alias="pageSize")
    excluded_resource_types: list[str] = Field(default_factory=list, alias="excludedResourceTypes")
    timeouts: Timeouts = Field(default_factory=Timeouts)


@lru_cache
def get_settings() -> PatientAccessSettings:
    raw = json.loads(CONFIG_PATH.read_text(encoding="utf-8"))
    return PatientAccessSettings.model_validate(raw["patientAccess"])


def strip_excluded(entries: list[dict]) -> list[dict]:
    """Drop the configured resource types from a Bundle's entries before it goes to the app."""
    excluded = set(get_settings().excluded_resource_types)
    return [e for e in entries if e.get("resource", {}).get("resourceType") not in excluded]
