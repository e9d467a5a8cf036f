import rateLimit from 'express-rate-limit';

/** Shared request guards; the names say nothing, the values are limiters. */
export const apiGuard = rateLimit({ windowMs: 60_000, max: 20 });
export const signInGuard = rateLimit({ windowMs: 15 * 60_000, max: 5 });
