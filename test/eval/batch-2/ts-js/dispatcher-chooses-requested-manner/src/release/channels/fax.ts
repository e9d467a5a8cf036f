import { faxService } from '../../fax';

export async function sendByFax(number: string, packet: Buffer) {
  return faxService.send(number, packet, { coverSheet: true });
}
