import type { Resource } from 'fhir/r4';

// Behavioral health and genetics stay inside the network.
export function isShareableOutsideNetwork(resource: Resource): boolean {
  if (resource.resourceType === 'MolecularSequence') return false;
  if (resource.resourceType === 'Observation' && resource.category?.some((c) => c.coding?.some((x) => x.code === 'genetics'))) return false;
  return true;
}
