'use strict';

const directClient = require('../transports/directClient');
const faxClient = require('../transports/faxClient');
const logger = require('../logger');

const DIRECT_ATTEMPTS = 3;

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Delivers a records package to a requesting organisation.
 * Direct first; fax only when the electronic attempts have failed, so the
 * requester still receives the records.
 */
async function deliverRecords(pkg, recipient) {
  let lastError;
  for (let attempt = 1; attempt <= DIRECT_ATTEMPTS; attempt++) {
    try {
      await directClient.send({
        to: recipient.directAddress,
        subject: `Records for ${pkg.patientName}`,
        attachments: pkg.attachments,
      });
      return { transport: 'direct', attempts: attempt };
    } catch (err) {
      lastError = err;
      logger.warn({ attempt, err: err.message, to: recipient.directAddress }, 'Direct delivery failed');
      await wait(2 ** attempt * 1000);
    }
  }

  if (recipient.faxNumber) {
    logger.warn({ to: recipient.faxNumber }, 'falling back to fax after Direct failures');
    await faxClient.send({ to: recipient.faxNumber, document: pkg.pdf });
    return { transport: 'fax', fallback: true, cause: lastError && lastError.message };
  }

  throw lastError;
}

module.exports = { deliverRecords };
