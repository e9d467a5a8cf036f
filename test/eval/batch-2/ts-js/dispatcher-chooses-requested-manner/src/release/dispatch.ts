import { sendByFax } from './channels/fax';
import { sendByDirect } from './channels/direct';
import { publishToPortal } from './channels/portal';

type Manner = 'fax' | 'direct' | 'portal';

export async function dispatchRelease(manner: Manner, recipient: string, packet: Buffer) {
  switch (manner) {
    case 'direct':
      return sendByDirect(recipient, packet);
    case 'portal':
      return publishToPortal(recipient, packet);
    case 'fax':
      return sendByFax(recipient, packet);
  }
}
