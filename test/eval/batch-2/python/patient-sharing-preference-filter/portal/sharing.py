from .models import SharingPreference


def apply_patient_preferences(user, entries):
    """Sections the patient turned off in 'Share with my family caregiver'."""
    prefs = SharingPreference.objects.filter(patient=user.patient, audience="caregiver").values_list("resource_type", flat=True)
    hidden = set(prefs)
    return [e for e in entries if e["resource"]["resourceType"] not in hidden]
