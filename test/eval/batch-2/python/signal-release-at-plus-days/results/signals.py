from datetime import timedelta

from django.db.models.signals import pre_save
from django.dispatch import receiver

from .models import DiagnosticReport

RADIOLOGY_RELEASE_LAG = timedelta(days=3)


@receiver(pre_save, sender=DiagnosticReport)
def set_release_time(sender, instance, **kwargs):
    if instance.status == "final" and instance.release_at is None:
        instance.release_at = instance.issued + RADIOLOGY_RELEASE_LAG
