import express from 'express';
import rateLimit from 'express-rate-limit';
import { readPatient, searchObservations, searchConditions, readEncounter } from './fhir-store';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

// An unknown exception id documents nothing: the throttle below is still reported.
// ruleid: exception-invalid
// ehi-exception: performance
//   reason: Nightly reindex makes patient search slow
//   owner: fhir-platform-team
//   review-by: 2027-06-30
app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient); // ruleid: unjustified-throttle

// A duration that is not ISO 8601.
// ruleid: exception-invalid, unjustified-throttle
app.get('/fhir/r4/Observation', fhirLimiter, searchObservations); // ehi-exception: health-it-performance; reason: Results index rebuild; kind: unplanned-maintenance; max-duration: 30 minutes; owner: fhir-platform-team; review-by: 2027-06-30

// Fees can never justify a throttle.
// ruleid: exception-invalid
// ehi-exception: fees
//   reason: Heavy users pay for capacity
//   cost-basis: finance/api-costs.xlsx
//   owner: billing
//   review-by: 2027-06-30
app.get('/fhir/r4/Condition', fhirLimiter, searchConditions); // ruleid: unjustified-throttle

// Nothing begins on the line after this one: it documents nothing.
// ruleid: exception-invalid
// ehi-exception: security; reason: Scripted scraping of patient search; risk: scraping of patient lists; basis: policy; owner: security-office; review-by: 2027-06-30

// ok: exception-invalid
// ehi-exception: health-it-performance
//   reason: Nightly reindex makes encounter search unavailable for up to 20 minutes
//   kind: planned-maintenance
//   max-duration: PT30M
//   agreement: SLA-2026-04 section 3
//   owner: fhir-platform-team
//   review-by: 2027-06-30
//   jira: FHIR-812
app.get('/fhir/r4/Encounter/:id', fhirLimiter, readEncounter); // ok: unjustified-throttle
