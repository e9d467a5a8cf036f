NON_SHAREABLE = ("MolecularSequence", "Media", "DocumentReference")


def is_shareable(resource: dict) -> bool:
    return resource.get("resourceType") not in NON_SHAREABLE
