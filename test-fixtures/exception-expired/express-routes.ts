import express from 'express';
import rateLimit from 'express-rate-limit';
import { readPatient, readEncounter } from './fhir-store';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

// Reviewed last in 2025: the record is stale and documents nothing.
// ruleid: exception-expired, unjustified-throttle
app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient); // ehi-exception: security; reason: Credential stuffing; risk: Credential stuffing through patient reads; basis: policy; owner: security-office; review-by: 2025-12-31

// A review date of today is due, not stale (and exception-expiring says it is due).
// ok: exception-expired, unjustified-throttle
// ruleid: exception-expiring
app.get('/fhir/r4/Encounter/:id', fhirLimiter, readEncounter); // ehi-exception: security; reason: Credential stuffing; risk: Credential stuffing through encounter reads; basis: policy; owner: security-office; review-by: 2026-06-01
