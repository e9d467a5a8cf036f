import { faxService } from '../fax';

// ehi-exception: infeasibility
//   reason: Pre-2015 archive holds only scanned TIFFs and has no electronic interface
//   condition: infeasible-under-circumstances
//   owner: him-department
//   review-by: 2027-04-30
export const ARCHIVE_DELIVERY = ['fax', 'paper'];

export async function releaseArchiveRecords(requestId: string, to: string, pages: Buffer[]) {
  for (const page of pages) await faxService.send(to, page);
  return { requestId, delivered: ARCHIVE_DELIVERY[0] };
}
