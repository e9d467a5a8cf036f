"""Feed of clinical notes shown in the patient portal's "Notes" tab."""
from django.db.models import QuerySet

from .models import ClinicalNote

# Psychotherapy notes (45 CFR 164.501) are kept separate from the medical
# record and are not part of the designated record set; everything else is shown.
PSYCHOTHERAPY_NOTE_CLASS = "psychotherapy"


def notes_for_portal(patient) -> QuerySet[ClinicalNote]:
    return (
        ClinicalNote.objects.filter(patient=patient, signed=True)
        .exclude(note_class=PSYCHOTHERAPY_NOTE_CLASS)
        .select_related("author", "encounter")
        .order_by("-signed_at")
    )


def note_card(note: ClinicalNote) -> dict:
    return {
        "id": note.pk,
        "title": note.title,
        "type": note.loinc_display,
        "author": note.author.display_name,
        "encounter_date": note.encounter.start.date().isoformat() if note.encounter else None,
        "signed_at": note.signed_at.isoformat(),
        "download_url": f"/api/portal/me/notes/{note.pk}/pdf",
    }


def portal_notes_payload(patient) -> list[dict]:
    return [note_card(n) for n in notes_for_portal(patient)]
