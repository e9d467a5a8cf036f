from django.db.models import Q
from fastapi import APIRouter
from rest_framework import generics

from .models import ClinicalDocument

router = APIRouter(prefix="/fhir/r4")

SHAREABLE_CATEGORIES = {"vital-signs", "laboratory"}
# 11506-3 progress note, 18842-5 discharge summary, 34117-2 history and physical.
WITHHELD_NOTE_LOINC = ("11506-3", "18842-5", "34117-2")
PSYCHOTHERAPY_NOTE_TYPES = ("psychotherapy-note",)
HIE_SKIPPED_TYPES = ("DocumentReference", "ImagingStudy")


def _category_codes(observation: dict) -> set:
    return {coding.get("code") for category in observation.get("category", []) for coding in category.get("coding", [])}


@router.get("/Observation")
async def search_observations(patient: str, client=None):
    upstream = await client.search("Observation", {"patient": patient})
    # ruleid: data-class-filter
    entries = [e for e in upstream.get("entry", []) if _category_codes(e["resource"]) & SHAREABLE_CATEGORIES]
    return {"resourceType": "Bundle", "type": "searchset", "entry": entries}


@router.get("/Observation/mine")
async def observations_i_chose(patient: str, category: str, client=None):
    upstream = await client.search("Observation", {"patient": patient})
    # The category is the one the patient picked.
    # ok: data-class-filter
    entries = [e for e in upstream.get("entry", []) if category in _category_codes(e["resource"])]
    return {"resourceType": "Bundle", "entry": entries}


class MyDocumentsList(generics.ListAPIView):
    def get_queryset(self):
        patient = self.request.user.patient_profile
        # ruleid: data-class-filter
        return ClinicalDocument.objects.filter(patient=patient).exclude(loinc_type__in=WITHHELD_NOTE_LOINC)


class MyNotesList(generics.ListAPIView):
    def get_queryset(self):
        # Psychotherapy notes are not EHI (45 CFR 171.102).
        # ok: data-class-filter
        return ClinicalDocument.objects.filter(patient=self.request.user.patient_profile).exclude(note_type__in=PSYCHOTHERAPY_NOTE_TYPES)


def push_to_hie(resources, hie):
    skipped = 0
    for resource in resources:
        # ruleid: data-class-filter
        if resource["resourceType"] in HIE_SKIPPED_TYPES:
            skipped += 1
            continue
        hie.send(resource)
    return skipped


def push_with_consent(resources, hie, consent):
    for resource in resources:
        # Only where the patient's recorded consent excludes it.
        # ok: data-class-filter
        if resource["resourceType"] in HIE_SKIPPED_TYPES and not consent.covers(resource):
            continue
        hie.send(resource)


def has_shareable_category(observation: dict) -> bool:
    return any(code in SHAREABLE_CATEGORIES for code in _category_codes(observation))


def shareable(entries):
    # ruleid: data-class-filter
    return [e for e in entries if has_shareable_category(e["resource"])]


def without_hidden_types(resources):
    # ruleid: data-class-filter
    return list(filter(lambda r: r["resourceType"] not in HIE_SKIPPED_TYPES, resources))


def outcomes_removed(resources):
    # ok: data-class-filter
    return list(filter(lambda r: r["resourceType"] != "OperationOutcome", resources))
