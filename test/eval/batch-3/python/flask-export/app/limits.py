EXPORT_RATE = "2 per day"
