SUPPRESSED_CATEGORIES = {"social-history", "survey", "activity"}


def _codes(observation: dict) -> set[str]:
    return {c.get("code") for cat in observation.get("category", []) for c in cat.get("coding", [])}


def patient_observations(bundle: dict) -> list[dict]:
    resources = [e["resource"] for e in bundle.get("entry", [])]
    return [r for r in resources if not (_codes(r) & SUPPRESSED_CATEGORIES)]
