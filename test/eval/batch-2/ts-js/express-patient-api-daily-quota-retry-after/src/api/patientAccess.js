const express = require('express');
const { countRequestsToday } = require('./usage');
const { getPatientEverything } = require('../fhir/client');

const router = express.Router();
const DAILY_CAP = 25;

router.get('/patient-api/v1/me/everything', async (req, res) => {
  const used = await countRequestsToday(req.auth.sub);
  if (used >= DAILY_CAP) {
    res.set('Retry-After', String(6 * 60 * 60));
    return res.status(429).json({ message: 'Daily request quota reached' });
  }
  res.json(await getPatientEverything(req.auth.patient));
});

module.exports = router;
