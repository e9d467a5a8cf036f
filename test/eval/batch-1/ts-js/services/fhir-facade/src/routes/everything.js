'use strict';

const express = require('express');
const { requireSmartToken } = require('../middleware/smartToken');

const router = express.Router();

function outcome(code, diagnostics) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, diagnostics }],
  };
}

/**
 * Patient/$everything. The operation is expensive against the practice
 * management database, so the facade does not run it; apps should query
 * resource types one by one.
 */
router.all('/fhir/r4/Patient/:id/\\$everything', requireSmartToken, (req, res) => {
  res
    .status(403)
    .type('application/fhir+json')
    .send(outcome('forbidden', 'Patient/$everything is disabled on this server'));
});

module.exports = router;
