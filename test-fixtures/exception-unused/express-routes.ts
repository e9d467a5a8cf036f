import express from 'express';
import rateLimit from 'express-rate-limit';
import { readPatient, readEncounter } from './fhir-store';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

// The limiter was taken off this route: the record documents nothing.
// ruleid: exception-unused
app.get('/fhir/r4/Patient/:id', readPatient); // ehi-exception: security; rule: unjustified-throttle; reason: Credential stuffing; risk: Credential stuffing through patient reads; basis: policy; owner: security-office; review-by: 2027-06-30

// The record documents the limiter on this route.
// ok: exception-unused, unjustified-throttle
app.get('/fhir/r4/Encounter/:id', fhirLimiter, readEncounter); // ehi-exception: security; rule: unjustified-throttle; reason: Credential stuffing; risk: Credential stuffing through encounter reads; basis: policy; owner: security-office; review-by: 2027-06-30
