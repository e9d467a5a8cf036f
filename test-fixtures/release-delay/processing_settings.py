"""Patient lab results service: processing delays."""
# ok: release-delay
REPORT_EXPORT_DELAY_HOURS = 24
# ok: release-delay
LAB_RESULT_INGEST_DELAY_HOURS = 2
# ok: release-delay
DOCUMENT_INDEXING_DELAY_HOURS = 6
# ruleid: release-delay
PATIENT_RESULT_RELEASE_WAIT_HOURS = 48
