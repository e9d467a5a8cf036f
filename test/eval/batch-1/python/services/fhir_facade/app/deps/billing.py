"""API plan enforcement for third-party app developers."""
from fastapi import Depends, HTTPException, status

from ..auth import SmartContext, current_smart_context
from ..developer_accounts import plan_for_client

PAID_PLANS = {"developer-pro", "enterprise"}


async def require_paid_api_plan(ctx: SmartContext = Depends(current_smart_context)) -> SmartContext:
    """Apps on the free developer tier have to upgrade before reading production data."""
    plan = await plan_for_client(ctx.client_id)
    if plan not in PAID_PLANS:
        raise HTTPException(
            status_code=status.HTTP_402_PAYMENT_REQUIRED,
            detail="An active paid API plan is required to access production FHIR data.",
        )
    return ctx
