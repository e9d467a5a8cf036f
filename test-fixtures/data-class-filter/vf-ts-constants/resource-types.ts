/** Resource types left out of the patient's record download. */
export const SUPPRESSED_TYPES = ['DocumentReference', 'DiagnosticReport', 'CarePlan'];

/** Envelopes and errors: not EHI. */
export const NON_DATA_TYPES = ['OperationOutcome', 'Bundle'];

/** Types a bulk kick-off may name in `_type`. */
export const KNOWN_EXPORT_TYPES = new Set(['Patient', 'Observation', 'Condition']);
