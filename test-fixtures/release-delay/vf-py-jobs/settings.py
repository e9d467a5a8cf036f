"""Django settings for the patient portal."""
INSTALLED_APPS = ["portal"]
# ruleid: release-delay
PORTAL_IMAGING_HOLD_HOURS = 48
# ok: release-delay
PORTAL_SESSION_TIMEOUT_HOURS = 8
