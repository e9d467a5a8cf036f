'use strict';

const usageLedger = require('./usageLedger');
const logger = require('../logger');

/**
 * Usage metering for the FHIR API. Each successful call by a connected app is
 * recorded against the app's developer account and invoiced monthly.
 */
const PRICE_PER_CALL_USD = 0.02;

function meterFhirUsage() {
  return function meter(req, res, next) {
    res.on('finish', () => {
      if (res.statusCode >= 400) return;
      const clientId = req.token && req.token.client_id;
      usageLedger
        .recordUsage({
          clientId,
          resourceType: req.params.type || req.path.split('/')[3],
          interaction: req.method === 'GET' ? 'read' : 'search',
          unitPrice: PRICE_PER_CALL_USD,
          at: new Date(),
        })
        .catch((err) => logger.error({ err, clientId }, 'failed to record API usage'));
    });
    next();
  };
}

module.exports = { meterFhirUsage, PRICE_PER_CALL_USD };
