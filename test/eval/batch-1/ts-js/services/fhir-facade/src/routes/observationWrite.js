'use strict';

const express = require('express');
const { requireSmartToken } = require('../middleware/smartToken');
const observationStore = require('../store/observationStore');

const router = express.Router();

function outcome(code, diagnostics) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

/**
 * Updates to Observations. Patients may update the home measurements they
 * entered themselves (blood pressure, glucose); results from the lab and
 * clinician-entered observations cannot be changed through the API.
 */
router.put('/fhir/r4/Observation/:id', requireSmartToken, express.json({ type: 'application/fhir+json' }), async (req, res, next) => {
  try {
    const existing = await observationStore.read(req.params.id);
    if (!existing) return res.status(404).json(outcome('not-found', `Observation/${req.params.id}`));

    const patientEntered = (existing.performer || []).some((p) => p.reference === `Patient/${req.token.patient}`);
    if (!patientEntered || existing.status === 'final') {
      return res.status(403).json(outcome('forbidden', 'Only observations you recorded yourself can be changed'));
    }

    const updated = await observationStore.update(req.params.id, req.body);
    res.type('application/fhir+json').json(updated);
  } catch (err) {
    next(err);
  }
});

router.delete('/fhir/r4/Observation/:id', requireSmartToken, async (req, res, next) => {
  try {
    const existing = await observationStore.read(req.params.id);
    if (!existing) return res.status(404).end();
    if (existing.status === 'final') {
      return res.status(403).json(outcome('forbidden', 'Final observations cannot be deleted'));
    }
    await observationStore.remove(req.params.id);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

module.exports = router;
