import rateLimit from 'express-rate-limit';

// ehi-exception: security
//   reason: Token-replay attack against Observation search from a leaked client secret (SEC-2044, 2026-10-02)
//   risk: replay of a leaked confidential-client secret
//   basis: case-by-case
//   alternatives: Rotating the secret alone did not stop replay from cached tokens; per-client limit until the tokens expire
//   owner: security-office
//   review-by: 2027-02-28
export const replayGuardLimiter = rateLimit({ windowMs: 60_000, max: 300, keyGenerator: (req) => req.auth?.clientId ?? req.ip });
