import config from 'config';
import rateLimit, { type Options } from 'express-rate-limit';
import type { Request } from 'express';

interface LimitSettings {
  windowMs: number;
  max: number;
}

const patientApiLimits = config.get<LimitSettings>('patientApi.rateLimit');

function keyByAppOrIp(req: Request): string {
  return (req as Request & { auth?: { clientId?: string } }).auth?.clientId ?? req.ip ?? 'unknown';
}

const common: Partial<Options> = {
  standardHeaders: 'draft-7',
  legacyHeaders: false,
};

/** Applied to the app-facing FHIR proxy. */
export const fhirReadLimiter = rateLimit({
  ...common,
  windowMs: patientApiLimits.windowMs,
  limit: patientApiLimits.max,
  keyGenerator: keyByAppOrIp,
  message: {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'throttled', diagnostics: 'Too many requests, try again later' }],
  },
});
