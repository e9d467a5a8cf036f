'use strict';

const cron = require('node-cron');
const { Pool } = require('pg');
const logger = require('../logger');
const { notifyPatientOfNewResults } = require('../notify/patientNotifications');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const RELEASE_DELAY_HOURS = Number(process.env.RESULT_RELEASE_DELAY_HOURS || 0);
const SCHEDULE = process.env.PUBLISH_CRON || '*/15 * * * *';

/**
 * Publishes final lab and imaging results to the patient portal.
 * A result becomes visible to the patient once it has been final for the
 * configured number of hours.
 */
async function publishDueResults() {
  const cutoff = new Date(Date.now() - RELEASE_DELAY_HOURS * 60 * 60 * 1000);

  const { rows } = await pool.query(
    `UPDATE lab_results
        SET portal_visible = true, portal_published_at = now()
      WHERE status = 'final'
        AND portal_visible = false
        AND finalized_at <= $1
      RETURNING id, patient_id`,
    [cutoff],
  );

  const byPatient = new Map();
  for (const row of rows) {
    byPatient.set(row.patient_id, (byPatient.get(row.patient_id) || 0) + 1);
  }
  for (const [patientId, count] of byPatient) {
    await notifyPatientOfNewResults(patientId, count);
  }

  logger.info({ published: rows.length, cutoff: cutoff.toISOString() }, 'portal results published');
}

cron.schedule(SCHEDULE, () => {
  publishDueResults().catch((err) => logger.error({ err }, 'publishing results failed'));
});

module.exports = { publishDueResults };
