import { worklist } from '../worklist';

// Notes written by residents wait for attending co-signature before they are final.
export async function submitResidentNote(noteId: string, attendingId: string) {
  await worklist.push(attendingId, { type: 'COSIGN', noteId, status: 'PENDING_REVIEW' });
}
