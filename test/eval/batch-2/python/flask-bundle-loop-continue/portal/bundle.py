def portal_bundle(entries):
    out = []
    for entry in entries:
        rtype = entry["resource"]["resourceType"]
        if rtype in ("DocumentReference", "Binary", "ImagingStudy"):
            continue
        out.append(entry)
    return {"resourceType": "Bundle", "type": "collection", "entry": out}
