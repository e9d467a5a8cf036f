from .consent import active_part2_consent

PART2_LABEL = "42CFRPart2"


def segment_for_recipient(entries: list[dict], patient_id: str, recipient: str) -> list[dict]:
    """42 CFR Part 2: SUD records leave only with written consent naming the recipient."""
    if active_part2_consent(patient_id, recipient):
        return entries
    return [
        e for e in entries
        if not any(s.get("code") == PART2_LABEL for s in e["resource"].get("meta", {}).get("security", []))
    ]
