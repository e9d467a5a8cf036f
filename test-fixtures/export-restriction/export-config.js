'use strict';

const path = require('path');

module.exports = {
  port: Number(process.env.PORT || 3000),
  fhir: {
    baseUrl: process.env.FHIR_BASE_URL || 'https://fhir.example.org/r4',
    bulkExport: {
      // ruleid: export-restriction
      enabled: false,
      // ok: export-restriction
      maxConcurrentJobs: 2,
      outputDir: path.join(__dirname, 'exports'),
    },
  },
  chartExport: {
    // ruleid: export-restriction
    exportFormats: ['vendor-xml'],
  },
  auditExport: {
    // ok: export-restriction
    exportFormats: ['application/fhir+ndjson', 'text/csv'],
  },
};

const router = require('express').Router();
router.post('/api/patients/:id/ehi-export', function (req, res) {
  // ruleid: export-restriction
  return res.sendStatus(403);
});

router.post('/api/patients/:id/portal-message', function (req, res) {
  // ok: export-restriction
  // ruleid: undocumented-denial
  return res.sendStatus(403);
});

module.exports.router = router;
