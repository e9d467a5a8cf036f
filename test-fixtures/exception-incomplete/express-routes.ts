import express from 'express';
import rateLimit from 'express-rate-limit';
import { readPatient, searchObservations, readEncounter } from './fhir-store';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

// Planned maintenance needs the service agreement that covers it, and an owner.
// ruleid: exception-incomplete
// ehi-exception: health-it-performance
//   reason: Nightly reindex makes patient search unavailable for up to 20 minutes
//   kind: planned-maintenance
//   max-duration: PT30M
//   review-by: 2027-06-30
app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient); // ruleid: unjustified-throttle

// Empty values count as missing (a template nobody filled in).
// ruleid: exception-incomplete
// ehi-exception: security
//   reason:
//   risk:
//   basis: policy
//   owner: security-office
//   review-by: 2027-06-30
app.get('/fhir/r4/Observation', fhirLimiter, searchObservations); // ruleid: unjustified-throttle

// ok: exception-incomplete
// ehi-exception: health-it-performance
//   reason: The encounter store is read-only while it is re-sharded;
//     requests queue behind the migration for at most two hours.
//   kind: unplanned-maintenance
//   max-duration: PT2H
//   owner: fhir-platform-team
//   review-by: 2027-06-30
app.get('/fhir/r4/Encounter/:id', fhirLimiter, readEncounter); // ok: unjustified-throttle
