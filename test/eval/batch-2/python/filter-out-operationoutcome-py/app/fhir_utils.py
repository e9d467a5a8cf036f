def strip_outcomes(bundle: dict) -> dict:
    """Drop OperationOutcome entries the upstream server mixes into search sets."""
    bundle["entry"] = [e for e in bundle.get("entry", []) if e["resource"]["resourceType"] != "OperationOutcome"]
    return bundle
