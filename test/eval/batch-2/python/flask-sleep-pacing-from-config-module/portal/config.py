import os

SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
# keep the document archive from being scraped
RECORDS_PACING_SECONDS = float(os.environ.get("RECORDS_PACING_SECONDS", "6"))
