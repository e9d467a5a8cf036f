import { Queue } from 'bullmq';

const notificationsQueue = new Queue('patient-notifications');
const exportQueue = new Queue('patient-record-export');

// Batch "new results in your portal" emails so a patient gets one message, not twelve.
const NOTIFY_BATCH_DELAY_MS = 2 * 60 * 60 * 1000;

export async function onResultReleased(patientId: string, resultId: string) {
  // ok: unjustified-throttle
  await notificationsQueue.add('result-ready-email', { patientId, resultId }, { delay: NOTIFY_BATCH_DELAY_MS });
}

export async function onPatientExportRequested(patientId: string) {
  // ruleid: unjustified-throttle
  await exportQueue.add('patient-record-export', { patientId }, { delay: 24 * 60 * 60 * 1000 });
}
