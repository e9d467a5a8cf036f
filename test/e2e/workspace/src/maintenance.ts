import express from 'express';
import { auditLog, inMaintenance } from './ops';

export const app = express();

// ehi-exception: health-it-performance
//   reason: Nightly reindex makes patient search unavailable for up to 20 minutes
//   kind: planned-maintenance
//   max-duration: PT30M
//   agreement: SLA-2026-04 section 3
//   owner: fhir-platform-team
//   review-by: 2027-06-30
app.use('/fhir/r4/Patient', (req, res, next) => {
  if (!inMaintenance()) return next();
  auditLog.record({ event: 'ehi-exception', rule: 'unjustified-throttle', exception: 'health-it-performance' });
  res.set('Retry-After', '1200');
  return res.status(503).send('Patient search is being reindexed');
});
