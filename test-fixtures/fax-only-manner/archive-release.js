'use strict';

const faxClient = require('./transports/faxClient');
const directClient = require('./transports/directClient');

/** Records of the legacy archive go out by fax, whatever was asked for. */
async function releaseArchivedRecords(request, pdf) {
  await audit(request.id);
  // ruleid: fax-only-manner
  await faxClient.send({ to: request.recipient.faxNumber, document: pdf });
  return { transport: 'fax' };
}

/** Dispatches in the manner the requester chose. */
async function releaseRecords(request, packet) {
  // ok: fax-only-manner
  if (request.deliveryMethod === 'fax') {
    await faxClient.send({ to: request.recipient.faxNumber, document: packet.pdf });
    return;
  }
  await directClient.send(request.recipient.directAddress, packet.ccda);
}

/** One manner's transport: the dispatcher decides when it is used. */
// ok: fax-only-manner
async function releaseByFax(request, pdf) {
  await faxClient.send({ to: request.recipient.faxNumber, document: pdf });
}

/** Direct first; fax only when the Direct message fails. */
// ok: fax-only-manner
async function fulfilReferral(request, packet) {
  try {
    await directClient.send(request.recipient.directAddress, packet.ccda);
  } catch (err) {
    await faxClient.send({ to: request.recipient.faxNumber, document: packet.pdf });
  }
}

/** Frees the fax line at shutdown: nothing is delivered. */
// ok: fax-only-manner
async function releaseResources() {
  await faxClient.close();
}

async function audit() {}

module.exports = { releaseArchivedRecords, releaseRecords, releaseByFax, fulfilReferral, releaseResources };
