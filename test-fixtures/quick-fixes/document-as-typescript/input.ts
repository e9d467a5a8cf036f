import express from 'express';
import rateLimit from 'express-rate-limit';
import { readPatient } from './fhir-store';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

export function routes() {
  app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);
  app.get('/health', (req, res) => res.send('ok'));
}
