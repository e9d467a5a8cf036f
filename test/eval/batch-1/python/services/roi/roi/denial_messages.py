"""Requester-facing explanations for ROI decisions. Each names the exception relied on
and what the requester can do next; HIM uses the decision code to pick one."""

DENIAL_MESSAGES = {
    "patient_restriction": (
        "These records were withheld at the patient's request (45 CFR 171.202(e)). "
        "The patient can change this at any time in MyNorthbay."
    ),
    "clinician_harm_determination": (
        "A licensed clinician determined that releasing this result now is reasonably likely to "
        "endanger the patient's life or physical safety (45 CFR 171.201). You may ask for this "
        "determination to be reviewed by contacting the HIM office."
    ),
    "part2_consent_missing": (
        "Records covered by 42 CFR Part 2 need the patient's written consent for this recipient. "
        "Send the signed consent form to him-release@northbay.example.org."
    ),
    "cannot_segment": (
        "We cannot separate the requested records from information we may not disclose "
        "(45 CFR 171.204(a)(2)). A written explanation will be sent within 10 business days."
    ),
}


def message_for(decision_code: str) -> str:
    try:
        return DENIAL_MESSAGES[decision_code]
    except KeyError as exc:
        raise ValueError(f"no requester message for decision {decision_code!r}") from exc
