"""Decisions on records requests submitted through the facade's request API."""
from datetime import datetime, timezone

from sqlalchemy.ext.asyncio import AsyncSession

from ..models import RecordsRequest, RequestStatus
from ..worklists import enqueue_fulfilment


async def decide(session: AsyncSession, req: RecordsRequest) -> RecordsRequest:
    """Accept or refuse a new request based on who is asking."""
    req.decided_at = datetime.now(timezone.utc)
    if req.requester_type in ("payer", "life_insurer"):
        req.status = RequestStatus.DENIED
        await session.commit()
        return req

    req.status = RequestStatus.ACCEPTED
    await session.commit()
    await enqueue_fulfilment(req.id)
    return req
