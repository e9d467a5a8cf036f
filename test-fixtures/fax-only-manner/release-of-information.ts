import { DeliveryRequest, RecordsRequest } from './types';

// ruleid: fax-only-manner
export const RELEASE_CHANNELS = ['fax', 'mail'];

// ok: fax-only-manner
export const PATIENT_DELIVERY_OPTIONS = ['fhir-api', 'direct', 'portal', 'fax'];

// ruleid: fax-only-manner
export enum DeliveryMethod { Fax = 'FAX', Mail = 'MAIL', Pickup = 'PICKUP' }

// ok: fax-only-manner
export enum ContactChannel { Fax = 'FAX', Email = 'EMAIL', Portal = 'PORTAL' }

export async function fulfil(request: RecordsRequest, records: Buffer): Promise<void> {
  // ruleid: fax-only-manner
  if (request.requesterType === 'PROVIDER') {
    await faxService.send(request.faxNumber, records);
    return;
  }
  // Fax only when the recipient has no electronic address: a fallback, not a policy.
  // ok: fax-only-manner
  if (!request.recipient.directAddress) {
    await faxService.send(request.faxNumber, records);
    return;
  }
  await directClient.send(request.recipient.directAddress, records);
}

export function validate(req: DeliveryRequest, res: Response) {
  // ruleid: fax-only-manner
  if (req.deliveryMethod !== 'fax') {
    return res.status(400).json({ error: 'Records are released by fax only' });
  }
  // ok: fax-only-manner
  if (req.pageCount > 500) {
    return res.status(400).json({ error: 'Too many pages for one fax; we will send a download link' });
  }
}

// A single ambiguous "mail" may be email.
// ok: fax-only-manner
const NOTIFICATION_CHANNELS = ['mail'];
