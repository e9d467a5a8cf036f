import express from 'express';

const app = express();
const recent = new Map<string, number>();

app.use('/fhir', (req, res, next) => {
  const count = (recent.get(req.ip ?? '') ?? 0) + 1;
  recent.set(req.ip ?? '', count);
  // ruleid: unjustified-throttle
  if (count > 100) return res.status(429).json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'throttled' }] });
  next();
});

app.use('/shop', (req, res, next) => {
  const count = (recent.get(req.ip ?? '') ?? 0) + 1;
  // ok: unjustified-throttle
  if (count > 100) return res.status(429).end();
  next();
});
