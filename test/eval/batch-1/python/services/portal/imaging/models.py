from datetime import timedelta

from django.db import models
from django.utils import timezone

# Radiology reports are shown to patients four days after the radiologist signs.
RADIOLOGY_PATIENT_HOLD = timedelta(days=4)


class ImagingReport(models.Model):
    patient = models.ForeignKey("patients.Patient", on_delete=models.CASCADE, related_name="imaging_reports")
    accession_number = models.CharField(max_length=32, unique=True)
    modality = models.CharField(max_length=8)
    impression = models.TextField()
    body = models.TextField()
    status = models.CharField(max_length=16, default="preliminary")
    signed_at = models.DateTimeField(null=True, blank=True)
    patient_release_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-signed_at"]

    def save(self, *args, **kwargs):
        if self.status == "final" and self.signed_at and self.patient_release_at is None:
            self.patient_release_at = self.signed_at + RADIOLOGY_PATIENT_HOLD
        super().save(*args, **kwargs)

    @property
    def visible_to_patient(self) -> bool:
        return self.patient_release_at is not None and self.patient_release_at <= timezone.now()


class ImagingReportQuerySet(models.QuerySet):
    def released(self):
        return self.filter(patient_release_at__lte=timezone.now())
