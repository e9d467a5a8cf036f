import { faxService } from '../fax';
import { directClient } from '../direct';
import { renderCcd } from '../ccda/render';

export async function sendReferralRecords(request: ReferralRequest) {
  const ccd = await renderCcd(request.patientId);
  if (request.requesterType === 'SKILLED_NURSING' || request.requesterType === 'HOME_HEALTH') {
    await faxService.send(request.recipient.fax, await ccd.toPdf());
    return { via: 'fax' };
  }
  await directClient.send(request.recipient.directAddress, ccd.xml);
  return { via: 'direct' };
}

interface ReferralRequest {
  patientId: string;
  requesterType: 'HOSPITAL' | 'CLINIC' | 'SKILLED_NURSING' | 'HOME_HEALTH';
  recipient: { fax: string; directAddress: string };
}
