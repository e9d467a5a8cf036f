NOTICE_URL = "/legal/notice-of-privacy-practices"


def privacy_footer() -> dict:
    """Footer links. Under HIPAA we must link the Notice of Privacy Practices on every page."""
    return {"text": "See our HIPAA Notice of Privacy Practices", "href": NOTICE_URL}
