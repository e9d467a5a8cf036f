from fastapi import FastAPI, Request
from slowapi import Limiter
from slowapi.util import get_remote_address

from .limits import PATIENT_RATE

limiter = Limiter(key_func=get_remote_address)
app = FastAPI()


# ruleid: unjustified-throttle
@limiter.limit(PATIENT_RATE)
@app.get("/fhir/Patient/{pid}")
async def read_patient(request: Request, pid: str):
    return await store.read("Patient", pid)


# ok: unjustified-throttle
@limiter.limit("3/minute")
@app.post("/auth/otp/verify")
async def verify_otp(request: Request):
    return await otp.verify(request)
