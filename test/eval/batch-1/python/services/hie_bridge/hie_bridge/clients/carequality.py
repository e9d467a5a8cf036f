"""Outbound client for a partner's FHIR endpoint reached through the Carequality directory."""
import logging
import random
import time

import requests

logger = logging.getLogger(__name__)

RETRYABLE_STATUS = {429, 502, 503, 504}


class PartnerFhirClient:
    def __init__(self, base_url: str, session: requests.Session | None = None, max_attempts: int = 5):
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.max_attempts = max_attempts

    def post_bundle(self, bundle: dict) -> dict:
        url = f"{self.base_url}/"
        for attempt in range(1, self.max_attempts + 1):
            try:
                resp = self.session.post(
                    url, json=bundle, timeout=30,
                    headers={"Content-Type": "application/fhir+json", "Accept": "application/fhir+json"},
                )
                if resp.status_code not in RETRYABLE_STATUS:
                    resp.raise_for_status()
                    return resp.json()
                wait = float(resp.headers.get("Retry-After", 2 ** attempt))
            except requests.ConnectionError as exc:
                logger.warning("partner %s unreachable (attempt %d): %s", self.base_url, attempt, exc)
                wait = 2 ** attempt
            time.sleep(min(wait, 60) + random.uniform(0, 1))
        raise RuntimeError(f"partner {self.base_url} did not accept the bundle after {self.max_attempts} attempts")
