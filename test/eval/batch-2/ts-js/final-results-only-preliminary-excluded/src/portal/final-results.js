const router = require('express').Router();
const { diagnosticReports } = require('../data');

router.get('/portal/api/reports', async (req, res) => {
  const reports = await diagnosticReports.forPatient(req.session.patientId);
  // preliminary reads change; show what the lab has finalised or amended
  res.json(reports.filter((r) => ['final', 'amended', 'corrected'].includes(r.status)));
});

module.exports = router;
