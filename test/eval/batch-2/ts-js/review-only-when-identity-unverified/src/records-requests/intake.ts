import { RecordsRequest } from '../models/RecordsRequest';
import { reviewQueue } from '../him/review-queue';
import { fulfilment } from '../fulfilment';

export async function intake(patient: { id: string; identityVerified: boolean; isMinor: boolean }, body: any) {
  const request = await RecordsRequest.create({ patientId: patient.id, ...body, status: 'RECEIVED' });
  if (!patient.identityVerified || patient.isMinor) {
    await reviewQueue.add(request.id, { reason: patient.isMinor ? 'minor-record' : 'identity-unverified' });
  } else {
    await fulfilment.start(request.id);
  }
  return request;
}
