import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { listLabResults } from './labs.controller';

const labsLimiter = rateLimit({ windowMs: 60_000, max: 6 });

export const labsRouter = Router();

// ehi-exception: performance
//   reason: Lab results query is expensive on the reporting replica
//   owner: portal-team
//   review-by: 2027-05-01
labsRouter.get('/portal/api/lab-results', labsLimiter, listLabResults);
