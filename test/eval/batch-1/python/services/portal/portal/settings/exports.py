"""EHI export settings (imported by base.py)."""
import os

# Whole-database export for providers switching systems (170.315(b)(10)(ii)).
EHI_EXPORT_ENABLED = False

EHI_EXPORT_BUCKET = os.environ.get("EHI_EXPORT_BUCKET", "northbay-ehi-export")
EHI_EXPORT_LINK_TTL_SECONDS = 60 * 60 * 24
EHI_EXPORT_DATA_DICTIONARY_URL = "https://docs.northbay.example.org/ehi-export/data-dictionary"
