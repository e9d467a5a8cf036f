import express from 'express';
import rateLimit from 'express-rate-limit';
import { readPatient } from './fhir-store';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);
