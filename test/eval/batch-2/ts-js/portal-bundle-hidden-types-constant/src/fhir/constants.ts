export const FHIR_BASE = process.env.FHIR_BASE ?? 'http://hapi:8080/fhir';

// Types we don't surface in the patient app (confusing for patients, lots of support calls)
export const HIDDEN_FROM_PATIENT_APP = new Set(['DocumentReference', 'DiagnosticReport', 'ImagingStudy']);
