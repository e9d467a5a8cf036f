"""Settings for result delivery to the patient portal (imported by base.py)."""
import os

# Lab results become visible in MyNorthbay this many hours after they are final.
LAB_RESULT_PORTAL_DELAY_HOURS = int(os.environ.get("LAB_RESULT_PORTAL_DELAY_HOURS", "72"))

# Push notification when a new result becomes visible.
RESULT_PUSH_NOTIFICATIONS = True

# Interface engine sends ORU messages in small batches.
ORU_BATCH_SIZE = 200
