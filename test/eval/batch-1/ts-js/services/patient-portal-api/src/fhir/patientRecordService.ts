import type { Bundle, BundleEntry, FhirResource } from 'fhir/r4';
import { upstreamFhir } from './upstreamClient';
import { NON_CLINICAL_TYPES, PORTAL_SUPPRESSED_TYPES, UPSTREAM_PAGE_SIZE } from './resourceTypes';

export interface PatientRecordExport {
  patientId: string;
  generatedAt: string;
  bundle: Bundle;
}

async function fetchEverything(patientId: string): Promise<BundleEntry[]> {
  const entries: BundleEntry[] = [];
  let next: string | undefined = `Patient/${encodeURIComponent(patientId)}/$everything?_count=${UPSTREAM_PAGE_SIZE}`;
  while (next) {
    const page: Bundle = await upstreamFhir.get(next);
    entries.push(...(page.entry ?? []));
    next = page.link?.find((l) => l.relation === 'next')?.url;
  }
  return entries;
}

/**
 * Builds the bundle behind "My Record -> Download everything" in the patient portal.
 */
export async function buildPatientRecordExport(patientId: string): Promise<PatientRecordExport> {
  const all = await fetchEverything(patientId);

  const entries = all
    .filter((e) => e.resource && !NON_CLINICAL_TYPES.has(e.resource.resourceType))
    .filter((e) => !PORTAL_SUPPRESSED_TYPES.has((e.resource as FhirResource).resourceType));

  return {
    patientId,
    generatedAt: new Date().toISOString(),
    bundle: {
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: new Date().toISOString(),
      total: entries.length,
      entry: entries.map((e) => ({ fullUrl: e.fullUrl, resource: e.resource })),
    },
  };
}
