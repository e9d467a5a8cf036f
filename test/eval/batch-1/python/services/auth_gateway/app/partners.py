"""Apps we have a partnership agreement with."""

PARTNER_APP_CLIENT_IDS = frozenset(
    {
        "northbay-mychart-ios",
        "northbay-mychart-android",
        "wellpath-care-companion",
        "healthvault-connect",
    }
)

PARTNER_SUPPORT_EMAIL = "app-partnerships@northbay.example.org"
