import { directClient } from './direct';
import { faxService } from './fax';

export async function sendReferralPacket(recipient: any, packet: Buffer) {
  if (!recipient.directAddress) {
    return faxService.send(recipient.faxNumber, packet);
  }
  return directClient.send(recipient.directAddress, packet);
}
