import type { Request, Response, NextFunction } from 'express';
import { usage } from './usage-ledger';

export const PRICE_PER_CALL_USD = 0.02;

export async function meterUsage(req: Request, _res: Response, next: NextFunction) {
  await usage.recordBillableCall(req.auth.clientId, PRICE_PER_CALL_USD);
  next();
}
