const { sendFax, sendDirect } = require('./transports');

const roiSettings = {
  // ruleid: fax-only-manner
  allowedDeliveryMethods: ['fax', 'usps'],
  // ok: fax-only-manner
  supportedDeliveryMethods: ['direct', 'sftp', 'fax'],
};

async function deliver(job) {
  switch (job.requester.category) {
    // ruleid: fax-only-manner
    case 'attorney':
      return sendFax(job.fax, job.document);
    default:
      return sendDirect(job.directAddress, job.document);
  }
}

async function deliverPreferred(job) {
  // ok: fax-only-manner
  if (job.preferredManner === 'fax') return sendFax(job.fax, job.document);
  return sendDirect(job.directAddress, job.document);
}

module.exports = { roiSettings, deliver, deliverPreferred };
