import express from 'express';
import rateLimit from 'express-rate-limit';
import { readPatient, readEncounter, readCondition, readObservation } from './fhir-store';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

// A placeholder documents nothing: the annotation is incomplete and the limiter is still reported.
// ruleid: exception-incomplete, unjustified-throttle
app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient); // ehi-exception: security; reason: TODO; risk: credential stuffing; basis: policy; owner: security-office; review-by: 2027-06-30

// "HIPAA" as the whole reason says nothing a reviewer can check.
// ruleid: exception-incomplete, unjustified-throttle
app.get('/fhir/r4/Encounter/:id', fhirLimiter, readEncounter); // ehi-exception: security; reason: HIPAA; risk: credential stuffing; basis: policy; owner: security-office; review-by: 2027-06-30

// A single word is no record of the risk either.
// ruleid: exception-incomplete, unjustified-throttle
app.get('/fhir/r4/Condition/:id', fhirLimiter, readCondition); // ehi-exception: security; reason: scraping; risk: credential stuffing; basis: policy; owner: security-office; review-by: 2027-06-30

// A specific reason documents the limiter.
// ok: exception-incomplete, unjustified-throttle
app.get('/fhir/r4/Observation', fhirLimiter, readObservation); // ehi-exception: security; reason: Scripted scraping of whole panels from one client; risk: credential stuffing; basis: policy; owner: security-office; review-by: 2027-06-30
