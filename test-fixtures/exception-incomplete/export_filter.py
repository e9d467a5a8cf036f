from fhir_store import store

EXCLUDED_TYPES = ["Observation"]


def patient_bundle(patient_id):
    resources = store.everything(patient_id)
    # An individual determination needs the licensed professional's role.
    # ruleid: exception-incomplete
    # ehi-exception: preventing-harm
    #   reason: Results a clinician decided to discuss first
    #   risk: individual-determination
    #   harm: Danger to the patient's physical safety
    #   basis: case-by-case
    #   owner: lab-informatics
    #   review-by: 2027-06-30
    return [r for r in resources if r["resourceType"] not in EXCLUDED_TYPES]  # ruleid: data-class-filter


def sensitive_bundle(patient_id):
    resources = store.everything(patient_id)
    audit_log.record(event="ehi-exception", rule="data-class-filter", exception="required-by-law", reason="42 CFR Part 2")
    # ok: exception-incomplete
    # ehi-exception: required-by-law
    #   reason: Substance-use treatment records need the patient's written consent
    #   law: 42 CFR Part 2
    #   owner: privacy-office
    #   review-by: 2027-06-30
    return [r for r in resources if r["resourceType"] not in EXCLUDED_TYPES]  # ok: data-class-filter
