import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { kickOffExport, exportStatus } from './controller';

const bulkKickoffLimiter = rateLimit({ windowMs: 24 * 60 * 60 * 1000, max: 2, keyGenerator: (req) => req.auth.clientId });

export const bulkRoutes = Router();

// ehi-exception: security
//   reason: Scraping of the group export by a compromised client in March 2025
//   risk: credential compromise of backend service clients
//   basis: policy
//   owner: security-office
//   review-by: 2026-03-31
bulkRoutes.get('/fhir/r4/Group/:id/$export', bulkKickoffLimiter, kickOffExport);
bulkRoutes.get('/fhir/r4/bulkstatus/:jobId', exportStatus);
