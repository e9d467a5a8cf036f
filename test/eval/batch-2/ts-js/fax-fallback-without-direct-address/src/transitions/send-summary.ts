import { directClient } from '../direct';
import { faxService } from '../fax';
import { lookupProviderDirectory } from '../directory';

export async function sendTransitionOfCare(npi: string, ccda: string, pdf: Buffer) {
  const entry = await lookupProviderDirectory(npi);
  if (!entry.directAddress) {
    // Small practices without a HISP: fax is the only way to reach them.
    return faxService.send(entry.fax, pdf);
  }
  try {
    return await directClient.send(entry.directAddress, ccda);
  } catch (err) {
    return faxService.send(entry.fax, pdf);
  }
}
