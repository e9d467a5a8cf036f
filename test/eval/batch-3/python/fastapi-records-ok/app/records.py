from typing import Literal
from pydantic import BaseModel


class RecordsRequest(BaseModel):
    patient_mrn: str
    delivery: Literal["fhir_api", "direct", "portal_download", "fax", "mail"] = "portal_download"
