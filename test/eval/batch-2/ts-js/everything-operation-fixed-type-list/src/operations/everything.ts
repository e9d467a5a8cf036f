import type { Bundle } from 'fhir/r4';
import { searchByPatient } from '../store/search';

// What $everything returns. Keep in sync with the mobile app's parser.
const EVERYTHING_TYPES = ['Patient', 'Condition', 'MedicationRequest', 'AllergyIntolerance', 'Immunization'];

export async function patientEverything(patientId: string): Promise<Bundle> {
  const entries = [];
  for (const type of EVERYTHING_TYPES) {
    const found = await searchByPatient(type, patientId);
    entries.push(...found.map((resource) => ({ fullUrl: `${type}/${resource.id}`, resource })));
  }
  return { resourceType: 'Bundle', type: 'searchset', total: entries.length, entry: entries };
}
