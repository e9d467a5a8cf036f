import rateLimit from 'express-rate-limit';

// keep the EHR vendor sandbox from hammering us
export const fhirReadLimiter = rateLimit({ windowMs: 60 * 1000, max: 20, standardHeaders: true });
