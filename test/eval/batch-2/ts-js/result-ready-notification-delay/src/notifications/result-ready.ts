import { notificationsQueue } from '../queues';

// Batch "new results in your portal" emails so patients get one message, not twelve.
const NOTIFY_BATCH_DELAY_MS = 2 * 60 * 60 * 1000;

export async function onResultReleased(patientId: string, resultId: string) {
  await notificationsQueue.add(
    'result-ready-email',
    { patientId, resultId },
    { delay: NOTIFY_BATCH_DELAY_MS, jobId: `result-ready:${patientId}` },
  );
}
