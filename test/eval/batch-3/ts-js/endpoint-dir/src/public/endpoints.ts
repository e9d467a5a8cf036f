import { Router } from 'express';
import { requireCustomerSession } from '../auth/session';
import { buildEndpointBundle } from './bundle';

export const directory = Router();
directory.get('/fhir-endpoints', requireCustomerSession, async (_req, res) => {
  res.type('application/fhir+json').json(await buildEndpointBundle());
});
