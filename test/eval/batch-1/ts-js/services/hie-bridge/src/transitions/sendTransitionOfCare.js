'use strict';

const { buildCcdaDocument } = require('../documents/ccda');
const directHisp = require('../transports/directHisp');
const faxClient = require('../transports/faxClient');
const providerDirectory = require('../directory/providerDirectory');
const logger = require('../logger');

/**
 * Sends the transition-of-care summary to the receiving clinician when a
 * patient is discharged or referred.
 *
 * The C-CDA goes over Direct whenever the receiving clinician has a Direct
 * address in the provider directory; practices that have none still get the
 * summary, on paper by fax.
 */
async function sendTransitionOfCare(encounter, receivingNpi) {
  const recipient = await providerDirectory.lookupByNpi(receivingNpi);
  if (!recipient) {
    throw new Error(`receiving provider ${receivingNpi} not found in directory`);
  }

  const ccda = await buildCcdaDocument(encounter, { template: 'referral-note' });

  if (!recipient.directAddress) {
    logger.info({ npi: receivingNpi }, 'no Direct address on file; sending summary by fax');
    await faxClient.send({
      to: recipient.faxNumber,
      document: await ccda.renderPdf(),
      coverNote: `Transition of care summary for ${encounter.patient.displayName}`,
    });
    return { transport: 'fax' };
  }

  await directHisp.send({
    to: recipient.directAddress,
    subject: 'Transition of care summary',
    attachments: [{ filename: 'summary.xml', contentType: 'application/xml', content: ccda.xml() }],
  });
  return { transport: 'direct' };
}

module.exports = { sendTransitionOfCare };
