import type { Request, Response, NextFunction } from 'express';
import { pool } from '../db';

// When every connection is checked out we ask the client to come back shortly
// instead of queueing requests until they time out.
export function dbBackpressure(req: Request, res: Response, next: NextFunction) {
  if (pool.waitingCount > 50) {
    res.set('Retry-After', '2');
    return res.status(503).json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient' }] });
  }
  next();
}
