"""SMART app registration for third-party developers (RFC 7591 style)."""
from datetime import datetime, timedelta, timezone

from fastapi import APIRouter, Depends, status
from pydantic import AnyHttpUrl, BaseModel

from ..db import Session, get_session
from ..models import AppRegistration
from ..services.governance import data_governance_committee

router = APIRouter(prefix="/oauth2", tags=["registration"])


class RegistrationRequest(BaseModel):
    client_name: str
    redirect_uris: list[AnyHttpUrl]
    scope: str
    token_endpoint_auth_method: str = "none"
    contacts: list[str] = []
    software_statement: str | None = None


@router.post("/register", status_code=status.HTTP_202_ACCEPTED)
async def register_app(body: RegistrationRequest, session: Session = Depends(get_session)):
    now = datetime.now(timezone.utc)
    app = AppRegistration(
        client_name=body.client_name,
        redirect_uris=[str(u) for u in body.redirect_uris],
        requested_scope=body.scope,
        auth_method=body.token_endpoint_auth_method,
        contacts=body.contacts,
        status="AWAITING_APPROVAL",
        submitted_at=now,
        review_due=now + timedelta(days=45),
    )
    session.add(app)
    await session.commit()
    await data_governance_committee.schedule_review(app.id, agenda="third-party app onboarding")
    return {"registration_id": app.id, "status": app.status, "review_due": app.review_due.isoformat()}
