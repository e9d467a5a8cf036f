import { OUTSIDE_OFFICE_CHANNELS, PATIENT_CHANNELS } from './channels';

export function deliveryChannelsFor(requester: { type: string }) {
  // Reported where the list is defined (channels.ts): one practice, one finding.
  // ok: fax-only-manner
  if (requester.type === 'outside_provider') return OUTSIDE_OFFICE_CHANNELS;
  // ok: fax-only-manner
  return PATIENT_CHANNELS;
}
