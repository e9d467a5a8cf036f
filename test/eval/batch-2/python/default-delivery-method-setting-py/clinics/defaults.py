CLINIC_DEFAULTS = {
    "northside-peds": {
        "default_delivery_method": "fax",
        "offered_methods": ["fax", "direct", "portal"],
    },
}
