import { Queue, Worker } from 'bullmq';
import cron from 'node-cron';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { subHours } from 'date-fns';
import { prisma } from './db';
import { DIGEST_EMAIL_DELAY_MS, LIS_BACKOFF_MS, PATHOLOGY_PORTAL_HOLD_MS } from './release-config';
import releaseSettings from './portal-release.json';

const portalQueue = new Queue('patient-portal-release');
const emailQueue = new Queue('patient-email');
const sqs = new SQSClient({});

export async function onPathologyFinal(reportId: string): Promise<void> {
  // ruleid: release-delay
  await portalQueue.add('publish-pathology-report', { reportId }, { delay: PATHOLOGY_PORTAL_HOLD_MS });
  // ok: release-delay
  await emailQueue.add('weekly-digest', { reportId }, { delay: DIGEST_EMAIL_DELAY_MS });
  // Retries back off; the first attempt runs now.
  // ok: release-delay
  await portalQueue.add('publish-pathology-report', { reportId }, { attempts: 5, backoff: { type: 'exponential', delay: LIS_BACKOFF_MS } });
}

export async function onImagingFinal(reportId: string): Promise<void> {
  // ruleid: release-delay
  await portalQueue.add('publish-imaging-report', { reportId }, { delay: releaseSettings.portalRelease.imagingReportHoldHours * 3600_000 });
}

export async function onRadiologyFinal(reportId: string): Promise<void> {
  // SQS holds a message at most 15 minutes; a release queue that holds every report that long is a blanket hold.
  // ruleid: release-delay
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.PORTAL_RELEASE_QUEUE_URL, MessageBody: JSON.stringify({ reportId, action: 'release-to-patient-portal' }), DelaySeconds: 900 }));
  // ok: release-delay
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.BILLING_QUEUE_URL, MessageBody: JSON.stringify({ reportId, action: 'post-charge' }), DelaySeconds: 900 }));
}

export async function holdForOneResult(resultId: string, hold: { releaseAt: Date; determinedBy: string; reason: string }): Promise<void> {
  // A clinician's individual determination for this result, with the reason on file.
  await prisma.harmHold.create({ data: { resultId, ...hold } });
  // ok: release-delay
  await portalQueue.add('publish-lab-result', { resultId }, { delay: hold.releaseAt.getTime() - Date.now() });
}

// Every hour, release the lab results that were finalized more than three days ago.
// ok: release-delay
cron.schedule('0 * * * *', async () => {
  // ruleid: release-delay
  await prisma.labResult.updateMany({ where: { portalVisible: false, finalizedAt: { lte: subHours(new Date(), 72) } }, data: { portalVisible: true } });
});

// ok: release-delay
cron.schedule('30 2 * * *', async () => {
  // ok: release-delay
  await prisma.exportFile.deleteMany({ where: { createdAt: { lte: subHours(new Date(), 72) } } });
});

export async function onDashboardRefresh(id: string): Promise<void> {
  // ok: release-delay
  await emailQueue.add('publish-quarterly-report', { id }, { delay: 86_400_000 });
  // ok: release-delay
  await portalQueue.add('show-result-banner', { id }, { delay: 7_200_000 });
}

export const worker = new Worker('patient-portal-release', async (job) => {
  await prisma.labResult.update({ where: { id: job.data.resultId }, data: { portalVisible: true } });
});
