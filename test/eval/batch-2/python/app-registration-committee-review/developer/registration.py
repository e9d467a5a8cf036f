from fastapi import APIRouter

from .committee import committee
from .models import AppRegistration, RegistrationIn

router = APIRouter()


@router.post("/developer/apps")
async def register_app(body: RegistrationIn):
    app = await AppRegistration.create(**body.model_dump(), status="LEGAL_REVIEW")
    await committee.review(app.id)
    return {"client_id": app.client_id, "status": app.status}
