'use strict';

const express = require('express');
const rateLimit = require('express-rate-limit');
const { requireSmartToken } = require('../middleware/smartToken');
const observationStore = require('../store/observationStore');

const router = express.Router();

const labSearchLimiter = rateLimit({
  windowMs: 60 * 1000,
  limit: 15,
  keyGenerator: (req) => (req.token && req.token.client_id) || req.ip,
  standardHeaders: 'draft-7',
  legacyHeaders: false,
});

// ehi-exception: it-performance
//   reason: Lab search runs unindexed queries on the practice management database
//   kind: third-party-app-impact
//   max-duration: P30D
//   owner: harbor-integration-team
//   review-by: 2027-06-30
router.get('/fhir/r4/Observation', requireSmartToken, labSearchLimiter, async (req, res, next) => {
  try {
    const bundle = await observationStore.search({
      patient: req.token.patient || req.query.patient,
      category: req.query.category,
      code: req.query.code,
      date: req.query.date,
    });
    res.type('application/fhir+json').send(bundle);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
