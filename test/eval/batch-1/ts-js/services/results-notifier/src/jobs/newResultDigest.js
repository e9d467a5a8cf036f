'use strict';

const cron = require('node-cron');
const resultsRepo = require('../repos/resultsRepo');
const mailer = require('../notify/mailer');
const logger = require('../logger');

/**
 * "You have new results" e-mails. Results are already visible in the portal
 * when they are final; the e-mail is batched so a patient with a panel of 20
 * analytes gets one message instead of 20. The batch window only delays the
 * e-mail, never the result.
 */
const NOTIFY_BATCH_WINDOW_MINUTES = 45;

async function sendDigests() {
  const since = new Date(Date.now() - NOTIFY_BATCH_WINDOW_MINUTES * 60 * 1000);
  const pending = await resultsRepo.findUnnotifiedPublishedBefore(since);

  const byPatient = new Map();
  for (const r of pending) {
    if (!byPatient.has(r.patientId)) byPatient.set(r.patientId, []);
    byPatient.get(r.patientId).push(r);
  }

  for (const [patientId, results] of byPatient) {
    try {
      await mailer.sendNewResultsNotice(patientId, results.length);
      await resultsRepo.markNotified(results.map((r) => r.id));
    } catch (err) {
      logger.warn({ patientId, err: err.message }, 'new-results e-mail failed; will retry next run');
    }
  }
  logger.info({ patients: byPatient.size }, 'new-results digests sent');
}

cron.schedule('*/15 * * * *', () => {
  sendDigests().catch((err) => logger.error({ err }, 'digest job failed'));
});

module.exports = { sendDigests, NOTIFY_BATCH_WINDOW_MINUTES };
