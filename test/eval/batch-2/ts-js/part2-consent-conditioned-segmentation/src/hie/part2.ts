import type { BundleEntry } from 'fhir/r4';
import { consentRegistry } from '../consent';

const PART2_SECURITY_LABEL = '42CFRPart2';

function isPart2(entry: BundleEntry) {
  return entry.resource?.meta?.security?.some((s) => s.code === PART2_SECURITY_LABEL) ?? false;
}

// 42 CFR Part 2: SUD records leave only with the patient's written consent on file.
export async function applyPart2Consent(patientId: string, entries: BundleEntry[], recipientOrg: string) {
  const consent = await consentRegistry.findPart2Consent(patientId, recipientOrg);
  if (consent?.status === 'active') return entries;
  return entries.filter((e) => !isPart2(e));
}
