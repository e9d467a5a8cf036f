import type { Bundle, BundleEntry } from 'fhir/r4';
import { HIDDEN_FROM_PATIENT_APP } from './constants';

export function toPatientAppBundle(source: Bundle): Bundle {
  const entry = (source.entry ?? []).filter(
    (e: BundleEntry) => !HIDDEN_FROM_PATIENT_APP.has(e.resource?.resourceType ?? ''),
  );
  return { ...source, entry, total: entry.length };
}
