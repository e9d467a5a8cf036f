'use strict';

const Agenda = require('agenda');
const reportsRepo = require('../repos/imagingReportsRepo');
const portalPublisher = require('../portal/portalPublisher');
const logger = require('../logger');

const agenda = new Agenda({
  db: { address: process.env.MONGO_URL, collection: 'results_jobs' },
  processEvery: '1 minute',
});

agenda.define('release-imaging-report', async (job) => {
  const { reportId } = job.attrs.data;
  const report = await reportsRepo.findById(reportId);
  if (!report || report.status !== 'final') return;
  await portalPublisher.publishImagingReport(report);
  logger.info({ reportId }, 'imaging report released to portal');
});

/**
 * Called by the HL7 ORU consumer when radiology signs a report
 * (OBR-25 result status F).
 */
async function onImagingReportFinal(message) {
  const report = await reportsRepo.upsertFromOru(message);

  // Release to the patient portal four days after the radiologist signs.
  await agenda.schedule('in 4 days', 'release-imaging-report', { reportId: report.id });

  logger.info({ reportId: report.id, modality: report.modality }, 'imaging report final; portal release scheduled');
  return report;
}

async function start() {
  await agenda.start();
}

module.exports = { onImagingReportFinal, start, agenda };
