'use strict';

const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const bulkRoutes = require('./bulkRoutes');
const logger = require('../logger');

const settings = yaml.load(
  fs.readFileSync(path.join(__dirname, '..', '..', 'config', 'server.yaml'), 'utf8'),
);

/**
 * Mounts the FHIR Bulk Data endpoints (Patient/$export, Group/:id/$export,
 * status polling and file download) when bulk data is switched on.
 */
function registerBulk(app) {
  const bulk = settings.fhir.bulkData;
  if (!bulk.enabled) {
    logger.info('bulk data export disabled by configuration');
    return false;
  }

  fs.mkdirSync(bulk.outputDir, { recursive: true });
  app.use(settings.server.basePath, bulkRoutes({ outputDir: bulk.outputDir }));
  logger.info({ outputDir: bulk.outputDir }, 'bulk data export enabled');
  return true;
}

module.exports = { registerBulk };
