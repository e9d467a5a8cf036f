import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { passwordLogin, issueToken, startPasswordReset } from './controllers';

const credentialLimiter = rateLimit({
  windowMs: 15 * 60 * 1000,
  max: 5,
  skipSuccessfulRequests: true,
  message: { error: 'Too many sign-in attempts, try again later' },
});

export const authRouter = Router();
authRouter.post('/auth/login', credentialLimiter, passwordLogin);
authRouter.post('/oauth2/token', credentialLimiter, issueToken);
authRouter.post('/auth/password-reset', credentialLimiter, startPasswordReset);
