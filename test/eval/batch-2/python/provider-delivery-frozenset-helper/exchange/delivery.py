POST_ACUTE_DELIVERY = frozenset({"fax", "mail"})
HOSPITAL_DELIVERY = frozenset({"direct", "fhir", "fax"})


def delivery_methods_for(facility_type: str) -> frozenset[str]:
    if facility_type in ("snf", "home_health", "hospice"):
        return POST_ACUTE_DELIVERY
    return HOSPITAL_DELIVERY
