import rateLimit from 'express-rate-limit';
import type { Express } from 'express';

// FHIR API for patient apps
export function mountFhirLimits(app: Express) {
  const limiter = rateLimit({ windowMs: 60_000, max: (req: any) => (req.client?.isPartner ? 1000 : 10) });
  app.use('/fhir', limiter);
}
