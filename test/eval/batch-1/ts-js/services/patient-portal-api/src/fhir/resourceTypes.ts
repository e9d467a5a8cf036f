/**
 * FHIR resource-type constants shared by the portal's record views.
 */
export const PATIENT_SUMMARY_TYPES = [
  'AllergyIntolerance',
  'Condition',
  'MedicationRequest',
  'Immunization',
  'Observation',
  'Procedure',
] as const;

/** Types the portal's "My Record" download does not pass through to the patient. */
export const PORTAL_SUPPRESSED_TYPES: ReadonlySet<string> = new Set([
  'DocumentReference',
  'DiagnosticReport',
  'CarePlan',
]);

/** Envelope and bookkeeping resources that never reach a view. */
export const NON_CLINICAL_TYPES: ReadonlySet<string> = new Set(['OperationOutcome', 'Bundle']);

export const UPSTREAM_PAGE_SIZE = 200;
