DELIVERY_CHOICES = [
    ("portal", "Patient portal"),
    ("direct", "Direct secure message"),
    ("fhir", "FHIR API / app of your choice"),
    ("fax", "Fax"),
    ("mail", "US Mail"),
]
