import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


def payer_session() -> requests.Session:
    """Session for pushing claims-attachment bundles to the payer; they throttle us at 10 rps."""
    retry = Retry(total=6, backoff_factor=1.5, status_forcelist=(429, 502, 503), respect_retry_after_header=True)
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.headers["Content-Type"] = "application/fhir+json"
    return session


def push_attachment(base_url: str, bundle: dict, token: str):
    return payer_session().post(f"{base_url}/Bundle", json=bundle, headers={"Authorization": f"Bearer {token}"}, timeout=30)
