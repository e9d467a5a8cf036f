from typing import Literal, Optional

from pydantic import BaseModel, Field


class ProviderRecordsRequest(BaseModel):
    requesting_npi: str = Field(pattern=r"^\d{10}$")
    patient_mrn: str
    purpose: Literal["treatment", "care-coordination"]
    delivery: Literal["fax", "mail"]
    fax_number: Optional[str] = None
