import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { authService } from '../services/authService';
import { otpService } from '../services/otpService';

/**
 * Portal sign-in. Limits here protect accounts against credential stuffing and
 * OTP guessing (see SEC-POL-014, authentication controls).
 */
export const authRouter = Router();

const loginAttempts = rateLimit({
  windowMs: 15 * 60 * 1000,
  limit: 10,
  standardHeaders: 'draft-7',
  legacyHeaders: false,
  keyGenerator: (req) => `${req.ip}:${String(req.body?.username ?? '').toLowerCase()}`,
});

const otpAttempts = rateLimit({
  windowMs: 10 * 60 * 1000,
  limit: 5,
  standardHeaders: 'draft-7',
  legacyHeaders: false,
});

const resetRequests = rateLimit({
  windowMs: 60 * 60 * 1000,
  limit: 3,
  standardHeaders: 'draft-7',
  legacyHeaders: false,
});

authRouter.post('/auth/login', loginAttempts, async (req, res) => {
  const result = await authService.verifyPassword(req.body.username, req.body.password);
  if (!result.ok) return res.status(401).json({ error: 'invalid_credentials' });
  res.json({ mfaRequired: true, challengeId: await otpService.send(result.userId) });
});

authRouter.post('/auth/otp/verify', otpAttempts, async (req, res) => {
  const session = await otpService.verify(req.body.challengeId, req.body.code);
  if (!session) return res.status(401).json({ error: 'invalid_code' });
  res.cookie('lsmh.sid', session.id, { httpOnly: true, secure: true, sameSite: 'lax' });
  res.status(204).end();
});

authRouter.post('/auth/password-reset', resetRequests, async (req, res) => {
  await authService.sendResetLink(String(req.body.email ?? ''));
  res.status(202).json({ message: 'If the address is registered, a reset link is on its way.' });
});
