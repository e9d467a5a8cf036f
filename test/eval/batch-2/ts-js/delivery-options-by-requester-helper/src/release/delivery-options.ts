import type { RequesterType } from './types';

const ELECTRONIC = ['portal', 'direct', 'fhir-api'];

export function deliveryOptionsFor(requester: RequesterType): string[] {
  switch (requester) {
    case 'patient':
      return [...ELECTRONIC, 'mail'];
    case 'attorney':
    case 'outside_provider':
      return ['fax', 'mail'];
    default:
      return ELECTRONIC;
  }
}
