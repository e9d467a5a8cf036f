from fastapi import FastAPI
from slowapi import Limiter
from slowapi.util import get_remote_address

app = FastAPI()
# ruleid: unjustified-throttle
limiter = Limiter(key_func=get_remote_address, default_limits=["100/hour"])


@app.get("/fhir/Observation")
async def observations(patient: str):
    return await store.search("Observation", patient)
