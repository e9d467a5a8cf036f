const express = require('express');
const slowDown = require('express-slow-down');
const { readRecords } = require('./records');

const app = express();
const router = express.Router();
const speedLimiter = slowDown({ windowMs: 15 * 60 * 1000, delayAfter: 50, delayMs: () => 500 });

// ruleid: unjustified-throttle
app.use(speedLimiter);

router.get('/patients/:id/records', readRecords);
app.use('/api', router);

async function handleRecordsRequest(req, res) {
  // ruleid: unjustified-throttle
  await sleep(5000);
  res.json(await readRecords(req.params.id));
}
router.get('/records-requests/:id', handleRecordsRequest);

async function reportMetrics(req, res) {
  // A health probe is not an EHI path.
  // ok: unjustified-throttle
  await sleep(5000);
  res.json({ ok: true });
}
app.get('/healthz', reportMetrics);

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = app;
