import { RELEASE_METHODS, ReleaseMethod } from './constants';
import { faxGateway } from '../integrations/efax';
import { mailroom } from '../integrations/mailroom';

export async function fulfilRoiRequest(req: { id: string; method: string; destination: string }, pdf: Buffer) {
  const method = req.method as ReleaseMethod;
  if (!RELEASE_METHODS.includes(method)) {
    throw new Error(`Unsupported release method ${req.method}`);
  }
  if (method === 'fax') return faxGateway.send(req.destination, pdf);
  return mailroom.enqueuePrint(req.id, pdf);
}
