import express from 'express';
import rateLimit from 'express-rate-limit';
import { bulkExport, serverLoad, searchPatients } from './fhir';

const app = express();

export const fhirLimiter = rateLimit({
  windowMs: 60_000,
  // ruleid: discriminatory-terms
  max: (req) => (req.client.isPartner ? 1000 : 10),
});
app.use('/fhir', fhirLimiter);

// Keyed by measured load: the same for every requestor.
export const loadLimiter = rateLimit({
  windowMs: 60_000,
  // ok: discriminatory-terms
  max: (req) => (serverLoad() > 0.8 ? 100 : 1000),
});
app.use('/fhir/r4', loadLimiter); // ruleid: unjustified-throttle

// ruleid: discriminatory-terms
export const RATE_LIMITS_PER_MINUTE = { partnerApps: 1000, thirdPartyApps: 10 };

// Plan tiers anyone can choose on the same published terms.
// ok: discriminatory-terms
export const PLAN_LIMITS_PER_MINUTE = { standard: 1000, premium: 5000 };

app.get('/fhir/r4/Patient', async (req, res) => {
  let queue = 'standard';
  if (req.client.vendor !== 'acme' && req.client.isThirdParty) { // ruleid: discriminatory-terms
    queue = 'slow';
  }
  res.json(await searchPatients(req.query, { priorityQueue: queue }));
});

app.get('/fhir/r4/$export', async (req, res) => {
  if (!req.client.isFirstParty) { // ruleid: discriminatory-terms
    return res.status(403).json({ error: 'Bulk export is available to Acme apps only' });
  }
  res.json(await bulkExport(req.query));
});

app.get('/fhir/r4/Observation', async (req, res) => {
  // Keyed by the app's measured error rate, the same rule for every app.
  // ok: discriminatory-terms
  const priorityQueue = req.client.errorRate > 0.2 ? 'low' : 'standard';
  res.json(await searchPatients(req.query, { priorityQueue }));
});

export default app;
