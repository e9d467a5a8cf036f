import type { Resource } from 'fhir/r4';
import { isShareableOutsideNetwork } from './shareable';
import { loadChart } from '../chart';

export async function buildReferralPacket(patientId: string, receivingOrg: string) {
  const chart: Resource[] = await loadChart(patientId);
  const resources = chart.filter(isShareableOutsideNetwork);
  return { receivingOrg, resources };
}
