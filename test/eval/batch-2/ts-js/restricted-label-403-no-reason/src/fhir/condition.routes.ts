import { Router } from 'express';
import { store } from '../store';

export const conditions = Router();

conditions.get('/fhir/r4/Condition', async (req, res) => {
  const found = await store.search('Condition', req.query);
  const sensitive = found.some((c) => c.meta?.security?.some((s) => ['R', 'V'].includes(s.code)));
  if (sensitive) {
    return res.status(403).json({ error: 'forbidden' });
  }
  res.json({ resourceType: 'Bundle', type: 'searchset', entry: found.map((resource) => ({ resource })) });
});
