import express from 'express';
import { maintenanceWindow } from './ops';

export const app = express();

// ehi-exception: health-it-performance
//   reason: Nightly reindex makes patient search unavailable for up to 20 minutes
//   kind: planned-maintenance
//   max-duration: PT30M
//   agreement: SLA-2026-04 section 3
//   owner: fhir-platform-team
//   review-by: 2027-06-30
app.use('/fhir/r4/Patient', maintenanceWindow());
