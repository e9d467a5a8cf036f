import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { issueToken } from './token';

const bruteForce = rateLimit({ windowMs: 15 * 60 * 1000, max: 10 });
export const auth = Router();
auth.post('/oauth2/token', bruteForce, issueToken);
auth.post('/login', bruteForce, issueToken);
