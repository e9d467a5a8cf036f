from .models import ClinicalNote


def releasable_notes(patient):
    # Psychotherapy notes are kept separate from the medical record and are not EHI (45 CFR 171.102).
    return ClinicalNote.objects.filter(patient=patient, signed=True).exclude(note_kind="psychotherapy")
