PAPER_CHANNELS = frozenset({"fax", "mail", "pickup"})
