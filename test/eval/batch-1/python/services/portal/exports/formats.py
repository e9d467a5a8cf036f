"""Output formats offered by the single-patient EHI export screen."""
from enum import Enum


class ExportFormat(str, Enum):
    FHIR_NDJSON = "application/fhir+ndjson"
    FHIR_BUNDLE = "application/fhir+json"
    CCDA = "application/xml;ccda"
    CSV_ZIP = "application/zip;csv"
    PDF = "application/pdf"


EHI_EXPORT_FORMATS = [
    ExportFormat.FHIR_NDJSON,
    ExportFormat.FHIR_BUNDLE,
    ExportFormat.CCDA,
    ExportFormat.CSV_ZIP,
    ExportFormat.PDF,
]

FORMAT_DOCS = {
    ExportFormat.FHIR_NDJSON: "https://docs.northbay.example.org/ehi-export/ndjson",
    ExportFormat.CSV_ZIP: "https://docs.northbay.example.org/ehi-export/csv-data-dictionary",
}


def format_choices() -> list[tuple[str, str]]:
    labels = {
        ExportFormat.FHIR_NDJSON: "FHIR NDJSON (machine-readable)",
        ExportFormat.FHIR_BUNDLE: "FHIR Bundle (JSON)",
        ExportFormat.CCDA: "C-CDA documents",
        ExportFormat.CSV_ZIP: "CSV tables with data dictionary",
        ExportFormat.PDF: "Printable PDF",
    }
    return [(f.value, labels[f]) for f in EHI_EXPORT_FORMATS]
