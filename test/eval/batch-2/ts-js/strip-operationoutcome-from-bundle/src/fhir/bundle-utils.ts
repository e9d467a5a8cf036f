import type { Bundle } from 'fhir/r4';

/** Upstream sometimes mixes warnings into search results; clients choke on them. */
export function stripOutcomes(bundle: Bundle): Bundle {
  const entry = (bundle.entry ?? []).filter((e) => e.resource?.resourceType !== 'OperationOutcome');
  return { ...bundle, entry };
}
