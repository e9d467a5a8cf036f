'use strict';

const express = require('express');
const helmet = require('helmet');
const pinoHttp = require('pino-http');
const { requireSmartToken } = require('./middleware/smartToken');
const { meterFhirUsage } = require('./billing/apiMetering');
const fhirRouter = require('./routes/fhir');
const metadataRouter = require('./routes/metadata');
const logger = require('./logger');

function createApp() {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(pinoHttp({ logger }));
  app.use(express.json({ type: ['application/json', 'application/fhir+json'], limit: '5mb' }));

  // Public: CapabilityStatement and SMART discovery.
  app.use(metadataRouter);

  // Patient and provider apps.
  app.use('/fhir/r4', requireSmartToken, meterFhirUsage(), fhirRouter);

  app.use((err, req, res, _next) => {
    req.log.error({ err }, 'unhandled error');
    res.status(500).json({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'exception', diagnostics: 'Internal server error' }],
    });
  });

  return app;
}

module.exports = { createApp };
