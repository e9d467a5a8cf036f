import { Bundle, BundleEntry } from 'fhir/r4';
import { hieClient } from './client';
import { logger } from '../logger';

export async function publishEncounterBundle(bundle: Bundle) {
  const outgoing: BundleEntry[] = [];
  for (const entry of bundle.entry ?? []) {
    switch (entry.resource?.resourceType) {
      case 'DocumentReference':
      case 'Binary':
      case 'Media':
        continue; // HIE charges per MB, documents are too heavy
      default:
        outgoing.push(entry);
    }
  }
  logger.info({ count: outgoing.length }, 'publishing to HIE');
  await hieClient.transaction({ ...bundle, type: 'transaction', entry: outgoing });
}
