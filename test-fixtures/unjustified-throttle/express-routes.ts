import express from 'express';
import rateLimit from 'express-rate-limit';
import { Queue } from 'bullmq';
import { searchObservations, readPatient, exportPatient } from './fhir-store';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30, standardHeaders: true });
const loginLimiter = rateLimit({ windowMs: 15 * 60_000, max: 5 });
const exportQueue = new Queue('patient-export');

// ruleid: unjustified-throttle
app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);

// Brute-force protection on sign-in is security, not blocking.
// ok: unjustified-throttle
app.post('/auth/login', loginLimiter, (req, res) => res.json(login(req.body)));

app.get('/fhir/r4/Observation', async (req, res) => {
  // ruleid: unjustified-throttle
  await new Promise((resolve) => setTimeout(resolve, 1500));
  res.json(await searchObservations(req.query));
});

app.get('/api/patients/:id/records', async (req, res) => {
  if (overQuota(req.user)) {
    // ruleid: unjustified-throttle
    res.set('Retry-After', '86400');
    return res.status(429).end();
  }
  res.json(await exportPatient(req.params.id));
});

app.post('/fhir/r4/Patient/:id/$export', async (req, res) => {
  // ruleid: unjustified-throttle
  await exportQueue.add('patient-export', { id: req.params.id }, { delay: 48 * 60 * 60 * 1000 });
  res.status(202).end();
});

app.get('/fhir/r4/Condition', async (req, res) => {
  // A short Retry-After on overload is ordinary HTTP.
  // ok: unjustified-throttle
  res.setHeader('Retry-After', '5');
  res.status(503).end();
});

// Back-off while calling someone else's server is good citizenship, even inside an EHI route.
app.get('/fhir/r4/DocumentReference', async (req, res) => {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const upstream = await fetch(`${PARTNER_HIE}/DocumentReference?patient=${req.query.patient}`);
      return res.json(await upstream.json());
    } catch {
      // ok: unjustified-throttle
      await sleep(2 ** attempt * 1000);
    }
  }
  res.status(502).end();
});

// A limit on a product catalogue is not an EHI path.
// ok: unjustified-throttle
app.get('/api/catalog/items', fhirLimiter, listItems);

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
