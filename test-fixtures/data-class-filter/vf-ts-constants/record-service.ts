import type { Bundle } from 'fhir/r4';
import { KNOWN_EXPORT_TYPES, NON_DATA_TYPES, SUPPRESSED_TYPES } from './resource-types';

export function recordDownload(bundle: Bundle): Bundle {
  // ok: data-class-filter
  const withoutErrors = (bundle.entry ?? []).filter((e) => !NON_DATA_TYPES.includes(e.resource!.resourceType));
  // ruleid: data-class-filter
  const shared = withoutErrors.filter((e) => SUPPRESSED_TYPES.indexOf(e.resource!.resourceType) === -1);
  return { ...bundle, entry: shared };
}

/** Checks the type names a kick-off request asked for: nothing is taken out of a record. */
export function unknownTypes(requested: string[]): string[] {
  // ok: data-class-filter
  return requested.filter((t) => !KNOWN_EXPORT_TYPES.has(t));
}
