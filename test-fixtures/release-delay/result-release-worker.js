'use strict';

// Lab interface worker: when the LIS finalizes a result, store it and hand it on to the patient portal.
const { Queue } = require('bullmq');
const { connection } = require('./redis');
const db = require('./db');

const portalReleaseQueue = new Queue('portal-release', { connection });
const providerNotifications = new Queue('provider-notifications', { connection });

const settings = {
  patientPortal: {
    // ruleid: release-delay
    noteEmbargoDays: 3,
    // ok: release-delay
    resultReleaseDelayHours: 0,
    // ok: release-delay
    criticalResultEscalationDelayMinutes: 30,
  },
};

async function onResultFinalized(result) {
  await db.results.insert(result);
  // ruleid: release-delay
  await portalReleaseQueue.add('release-lab-result', { resultId: result.id }, { delay: 72 * 60 * 60 * 1000 });
  // ok: release-delay
  await providerNotifications.add('notify-ordering-provider', { resultId: result.id }, { delay: 5 * 60 * 1000 });
}

async function onResultAmended(result) {
  // Corrections go to the portal at once.
  // ok: release-delay
  await portalReleaseQueue.add('release-lab-result', { resultId: result.id });
}

module.exports = { settings, onResultFinalized, onResultAmended };
