import express from 'express';
import rateLimit from 'express-rate-limit';
import { readPatient, readEncounter } from './fhir-store';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

// Due for review within the next 30 days: reported at info level, still documenting the route.
// ruleid: exception-expiring
app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient); // ehi-exception: security; reason: Credential stuffing; risk: Credential stuffing through patient reads; basis: policy; owner: security-office; review-by: 2026-06-20

// Due next year: nothing to report yet.
// ok: exception-expiring
app.get('/fhir/r4/Encounter/:id', fhirLimiter, readEncounter); // ehi-exception: security; reason: Credential stuffing; risk: Credential stuffing through encounter reads; basis: policy; owner: security-office; review-by: 2027-06-30
