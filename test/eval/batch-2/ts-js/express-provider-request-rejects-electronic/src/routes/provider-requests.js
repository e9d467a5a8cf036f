const router = require('express').Router();
const { queueFax } = require('../fax/queue');

router.post('/provider-requests', async (req, res) => {
  const { manner, faxNumber, patientId, npi } = req.body;
  if (manner !== 'fax') {
    return res.status(400).json({ error: 'Provider requests are fulfilled by fax. Please supply a fax number.' });
  }
  const job = await queueFax({ to: faxNumber, patientId, npi });
  res.status(202).json({ jobId: job.id });
});

module.exports = router;
