from fastapi import APIRouter, Depends, Form, HTTPException, Request

from ..rate_limits import OTP_VERIFY_LIMIT, SIGN_IN_LIMIT, TOKEN_LIMIT, auth_limiter
from ..services import otp, sessions, tokens

router = APIRouter(tags=["auth"])


@router.post("/auth/login")
@auth_limiter.limit(SIGN_IN_LIMIT)
async def login(request: Request, username: str = Form(...), password: str = Form(...)):
    user = await sessions.verify_password(username, password)
    if user is None:
        raise HTTPException(status_code=401, detail="Invalid username or password")
    return await otp.start_challenge(user)


@router.post("/auth/otp/verify")
@auth_limiter.limit(OTP_VERIFY_LIMIT)
async def verify_otp(request: Request, challenge_id: str = Form(...), code: str = Form(...)):
    session = await otp.verify(challenge_id, code)
    if session is None:
        raise HTTPException(status_code=401, detail="The code is incorrect or has expired")
    return {"session": session.token}


@router.post("/oauth2/token")
@auth_limiter.limit(TOKEN_LIMIT)
async def token(request: Request, grant_type: str = Form(...)):
    form = await request.form()
    return await tokens.exchange(grant_type, dict(form))
