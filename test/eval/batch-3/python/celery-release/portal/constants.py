# pathology wants time to call patients first
PATHOLOGY_RELEASE_HOLD_SECONDS = 5 * 24 * 3600
