import express from 'express';
import { OVERLOAD_RETRY_AFTER_SECONDS, PARTNER_RETRY_AFTER_SECONDS } from './throttle-settings';

const router = express.Router();

router.get('/fhir/r4/DiagnosticReport', async (req, res) => {
  // A 429 for partner apps only: terms that differ by requestor, discriminatory-terms' finding (one construct, one finding).
  // ruleid: discriminatory-terms
  if (isPartnerApp(req)) {
    // ok: unjustified-throttle
    res.set('Retry-After', String(PARTNER_RETRY_AFTER_SECONDS));
    return res.status(429).end();
  }
  res.json(await searchReports(req.query));
});

router.get('/fhir/r4/Procedure', async (req, res) => {
  if (overloaded()) {
    // ok: unjustified-throttle
    res.set('Retry-After', String(OVERLOAD_RETRY_AFTER_SECONDS));
    return res.status(503).end();
  }
  res.json(await searchProcedures(req.query));
});

export default router;
