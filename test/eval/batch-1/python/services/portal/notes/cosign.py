"""Notes written by residents and students wait for the attending's co-signature."""
from django.db import models
from django.utils import timezone

from .models import ClinicalNote


def submit_note(note: ClinicalNote, author) -> ClinicalNote:
    if author.requires_cosign:
        note.status = "PENDING_COSIGN"
        note.cosigner = author.supervising_attending
    else:
        note.status = "SIGNED"
        note.signed_at = timezone.now()
    note.save()
    return note


def cosign_queue(attending):
    """The attending's worklist of notes awaiting co-signature."""
    return (
        ClinicalNote.objects.filter(cosigner=attending, status="PENDING_COSIGN")
        .select_related("patient", "author")
        .order_by(models.F("submitted_at").asc(nulls_last=True))
    )


def cosign(note: ClinicalNote, attending) -> ClinicalNote:
    note.status = "SIGNED"
    note.cosigned_by = attending
    note.signed_at = timezone.now()
    note.save(update_fields=["status", "cosigned_by", "signed_at"])
    return note
