import rateLimit from 'express-rate-limit';
import RedisStore from 'rate-limit-redis';
import { redis } from '../infra/redis';

// Shared limiter for the FHIR facade. Tuned after the Q3 load test.
export const fhirReadLimiter = rateLimit({
  windowMs: 15 * 60 * 1000,
  max: 120,
  standardHeaders: true,
  store: new RedisStore({ sendCommand: (...args: string[]) => redis.call(...args) }),
});

export const webhookLimiter = rateLimit({ windowMs: 60_000, max: 600 });
