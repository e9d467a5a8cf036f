const express = require('express');
const { fhir } = require('../fhirClient');

const router = express.Router();

// SDOH and survey answers were generating tickets; keep them out of the portal for now
const SUPPRESSED_CATEGORIES = ['social-history', 'survey', 'sdoh'];

function categoryCodes(obs) {
  return (obs.category || []).flatMap((c) => (c.coding || []).map((x) => x.code));
}

router.get('/portal/api/observations', async (req, res) => {
  const bundle = await fhir.search('Observation', { patient: req.session.patientId, _count: 200 });
  const visible = bundle.entry.filter(
    (e) => !categoryCodes(e.resource).some((code) => SUPPRESSED_CATEGORIES.includes(code)),
  );
  res.json({ ...bundle, entry: visible });
});

module.exports = router;
