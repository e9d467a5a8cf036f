'use strict';

const archiveDb = require('./archiveDb');
const faxClient = require('../transports/faxClient');
const { renderArchivePdf } = require('./renderArchivePdf');
const logger = require('../logger');

/**
 * Release of records that exist only in the legacy document archive
 * (encounters before the 2014 EHR conversion). Requests reach this handler
 * from the ROI work queue.
 */
async function releaseArchivedRecords(request) {
  const documents = await archiveDb.findDocuments(request.patientMrn, {
    from: request.dateFrom,
    to: request.dateTo,
  });
  if (documents.length === 0) {
    return { released: 0 };
  }

  const pdf = await renderArchivePdf(documents);

  // ehi-exception: infeasibility
  //   reason: The legacy archive stores scanned TIFF images only and has no export interface
  //   condition: infeasible-under-circumstances
  //   owner: him-department
  //   review-by: 2027-08-31
  await faxClient.send({ to: request.recipient.faxNumber, document: pdf, pages: documents.length });

  logger.info({ requestId: request.id, documents: documents.length }, 'archived records faxed');
  return { released: documents.length, transport: 'fax' };
}

module.exports = { releaseArchivedRecords };
