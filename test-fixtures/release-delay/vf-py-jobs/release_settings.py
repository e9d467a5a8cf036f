"""Portal release settings shared by the result tasks."""
from datetime import timedelta

# ruleid: release-delay
PORTAL_RESULT_HOLD_HOURS = 72
# ok: release-delay
LIS_RETRY_BACKOFF_SECONDS = 3600
# Hours the ordering clinician is reminded after a result lands in the inbox.
# ok: release-delay
INBOX_REMINDER_HOURS = 24
# ruleid: release-delay
NOTE_RELEASE_DELAY = timedelta(days=3)
