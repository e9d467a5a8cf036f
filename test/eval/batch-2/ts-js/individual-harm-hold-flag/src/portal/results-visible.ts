import type { LabResult } from '../types';

/**
 * A clinician can place an individual hold on one result when they have determined that
 * releasing it would endanger the patient; the determination is recorded on the hold.
 */
export function visibleResults(results: LabResult[]): LabResult[] {
  return results.filter((r) => !(r.harmHold && r.harmHold.determinedBy && r.harmHold.active));
}
