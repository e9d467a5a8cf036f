"""Document categories treated as sensitive."""

SENSITIVE_DOC_CATEGORIES = frozenset(
    {
        "hiv-testing",
        "genetic-testing",
        "behavioral-health",
        "reproductive-health",
    }
)


def is_sensitive(document) -> bool:
    return document.category in SENSITIVE_DOC_CATEGORIES
