'use strict';

const express = require('express');
const { requireClinician } = require('../middleware/staffAuth');
const resultsRepo = require('../repos/resultsRepo');

const router = express.Router();

/**
 * The ordering clinician's results inbox: results they have not yet
 * acknowledged, abnormal first. Patients see results in the portal as soon
 * as they are final; this queue only drives the clinician's follow-up.
 */
router.get('/clinician/inbox/results', requireClinician, async (req, res, next) => {
  try {
    const results = await resultsRepo.findByOrderingProvider(req.staff.providerId, {
      status: 'final',
      since: req.query.since,
    });

    const unacknowledged = results
      .filter((r) => !r.acknowledgedAt)
      .sort((a, b) => Number(b.abnormal) - Number(a.abnormal) || b.finalizedAt - a.finalizedAt);

    res.json({
      count: unacknowledged.length,
      items: unacknowledged.map((r) => ({
        id: r.id,
        patient: r.patientDisplayName,
        test: r.testName,
        abnormal: r.abnormal,
        critical: r.critical,
        finalizedAt: r.finalizedAt,
      })),
    });
  } catch (err) {
    next(err);
  }
});

router.post('/clinician/inbox/results/:id/acknowledge', requireClinician, async (req, res, next) => {
  try {
    await resultsRepo.acknowledge(req.params.id, req.staff.providerId, req.body.comment);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

module.exports = router;
