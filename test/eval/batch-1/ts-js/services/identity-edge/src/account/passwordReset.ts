import { Router } from 'express';
import { logger } from '../logger';
import { accounts } from '../accounts/accounts';
import { passwordPolicy } from './passwordPolicy';

export const passwordResetRouter = Router();

/** Completes a password reset started from the e-mailed link. */
passwordResetRouter.post('/account/password-reset/complete', async (req, res) => {
  const { token, newPassword } = req.body ?? {};
  const reset = await accounts.findResetToken(String(token ?? ''));
  if (!reset || reset.expiresAt < new Date()) {
    return res.status(400).json({ error: 'expired_link', message: 'This reset link has expired. Request a new one.' });
  }

  const problems = passwordPolicy.check(String(newPassword ?? ''));
  if (problems.length > 0) {
    return res.status(422).json({
      error: 'weak_password',
      message: 'Password does not meet the password policy.',
      problems,
    });
  }

  await accounts.setPassword(reset.accountId, newPassword);
  logger.info({ accountId: reset.accountId }, 'password reset completed; audit payload masked for privacy');
  return res.status(204).end();
});

passwordResetRouter.use((req, res, next) => {
  if (req.headers.origin && !req.headers.origin.endsWith('.lakeshorehealth.org')) {
    return res.status(403).json({ error: 'origin_not_allowed', message: 'Blocked by CORS policy.' });
  }
  return next();
});
