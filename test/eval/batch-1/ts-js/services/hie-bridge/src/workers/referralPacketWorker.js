'use strict';

const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const { Worker } = require('bullmq');
const { renderPacketPdf } = require('../documents/renderPacket');
const faxClient = require('../transports/faxClient');
const postalClient = require('../transports/postalClient');
const logger = require('../logger');

const config = yaml.load(
  fs.readFileSync(path.join(__dirname, '..', '..', 'config', 'outbound.yaml'), 'utf8'),
).outbound;

const TRANSPORTS = {
  fax: async (referral, pdf) => faxClient.send({ to: referral.receivingPractice.fax, document: pdf }),
  postal: async (referral, pdf) => postalClient.enqueue({ to: referral.receivingPractice.address, document: pdf }),
};

async function deliverReferralPacket(job) {
  const referral = job.data;
  const pdf = await renderPacketPdf(referral, config.referralPackets.includeDocuments, {
    coverSheet: config.referralPackets.coverSheet,
  });

  for (const name of config.referralPackets.transports) {
    const send = TRANSPORTS[name];
    if (!send) continue;
    try {
      await send(referral, pdf);
      logger.info({ referralId: referral.id, transport: name }, 'referral packet sent');
      return { transport: name };
    } catch (err) {
      logger.warn({ referralId: referral.id, transport: name, err }, 'referral packet transport failed');
    }
  }
  throw new Error(`no transport could deliver referral ${referral.id}`);
}

const worker = new Worker('referral-packets', deliverReferralPacket, {
  connection: { url: process.env.REDIS_URL },
  concurrency: 4,
});

module.exports = { worker, deliverReferralPacket };
