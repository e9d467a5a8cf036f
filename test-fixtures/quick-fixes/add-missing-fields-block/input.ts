import express from 'express';
import rateLimit from 'express-rate-limit';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

// ehi-exception: health-it-performance
//   reason: Nightly reindex makes patient search unavailable for up to 20 minutes
//   kind: planned-maintenance
//   review-by: 2027-06-30
app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);
