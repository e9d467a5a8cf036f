EXCLUDED_TYPES = {"DocumentReference", "DiagnosticReport"}


def patient_export(bundle):
    # ruleid: data-class-filter
    entries = [e for e in bundle["entry"] if e["resource"]["resourceType"] not in EXCLUDED_TYPES]
    return {"resourceType": "Bundle", "entry": entries}


def without_outcomes(bundle):
    # ok: data-class-filter
    return [e for e in bundle["entry"] if e["resource"]["resourceType"] != "OperationOutcome"]


def strip_notes(resources):
    kept = []
    for resource in resources:
        # ruleid: data-class-filter
        if resource["resourceType"] == "DocumentReference":
            continue
        kept.append(resource)
    return kept


def observations_only(resources):
    # ok: data-class-filter
    return [r for r in resources if r["resourceType"] == "Observation"]
