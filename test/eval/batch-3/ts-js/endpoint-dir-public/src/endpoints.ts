import { Router } from 'express';
export const r = Router();
r.get('/service-base-urls', async (_req, res) => {
  res.type('application/fhir+json').json({ resourceType: 'Bundle', type: 'collection', entry: [] });
});
