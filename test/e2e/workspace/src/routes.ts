import express from 'express';
import rateLimit from 'express-rate-limit';
import { readPatient, searchObservations } from './fhir-store';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

// Patients' apps read their records here.
app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);

app.get('/fhir/r4/Observation', async (req, res) => {
  res.json(await searchObservations(req.query));
});

export default app;
