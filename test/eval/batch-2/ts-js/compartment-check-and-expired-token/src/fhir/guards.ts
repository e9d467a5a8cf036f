import type { Request, Response, NextFunction } from 'express';
import { verifyAccessToken } from '../auth/jwt';

export async function patientCompartment(req: Request, res: Response, next: NextFunction) {
  const token = await verifyAccessToken(req.headers.authorization);
  if (!token) return res.status(401).json({ error: 'invalid_token' });
  if (token.patient && req.params.patientId !== token.patient) {
    return res.status(403).json({ error: 'insufficient_scope' });
  }
  next();
}
