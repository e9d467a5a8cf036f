import type { Request, Response, NextFunction } from 'express';

const ADMIN_CLIENT_IDS = new Set(['ops-console', 'data-warehouse-loader']);

// Only back-office clients may ask for system/*.* scopes.
export function requireAdminClientForSystemScopes(req: Request, res: Response, next: NextFunction) {
  const scopes = String(req.body.scope ?? '').split(' ');
  if (req.body.grant_type === 'client_credentials' && scopes.some((s) => s.startsWith('system/'))) {
    if (!ADMIN_CLIENT_IDS.has(req.body.client_id)) return res.status(400).json({ error: 'invalid_scope' });
  }
  next();
}
