from celery.schedules import crontab

CELERY_BEAT_SCHEDULE = {
    "release-held-lab-results": {
        "task": "portal.tasks.release_held_results",
        "schedule": crontab(minute=0),
        # ruleid: release-delay
        "kwargs": {"older_than_hours": 72},
    },
    "archive-audit-logs": {
        "task": "portal.tasks.archive_audit_logs",
        "schedule": crontab(hour=3, minute=0),
        # ok: release-delay
        "kwargs": {"older_than_hours": 72},
    },
    "publish-report-cards": {
        "task": "quality.tasks.publish_report_cards",
        "schedule": crontab(day_of_week=1),
        # ok: release-delay
        "kwargs": {"older_than_days": 7},
    },
}
